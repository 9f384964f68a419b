package main

import (
	"github.com/spf13/cobra"
)

func newEvalCmd(a *app) *cobra.Command    { return &cobra.Command{Use: "eval", Hidden: true} }
func newPredictCmd(a *app) *cobra.Command { return &cobra.Command{Use: "predict", Hidden: true} }
func newQualityCmd(a *app) *cobra.Command { return &cobra.Command{Use: "quality", Hidden: true} }
