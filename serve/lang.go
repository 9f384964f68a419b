package serve

import (
	"errors"
	"fmt"
	"time"
)

// say is en, or zh when lang is "zh": the server's own lines to a client
// (refusals, goodbyes) in the session's language.
func say(lang, en, zh string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

// NoAuthWarning is sent to every session's program when the server lets
// anyone in (Config.InsecureNoAuth): a line written before the program
// takes the screen is hidden for the whole session. Its Notice is the
// sentence to show.
type NoAuthWarning struct{}

// Notice says the server has no authentication.
func (NoAuthWarning) Notice() string { return NoAuthWarning{}.NoticeIn("en") }

// NoticeIn is Notice in lang: "zh" for Chinese, anything else English.
func (NoAuthWarning) NoticeIn(lang string) string {
	return say(lang, "warning: this server has no authentication: anyone can get in",
		"警告：此服务器不验证身份，任何人都能进入")
}

// goodbye is the last line of a session the server ended: why, in lang.
func goodbye(lang string, cause error) string {
	var idle errIdle
	switch {
	case lang != "zh":
		return fmt.Sprintf("retain: %s; goodbye.", cause)
	case errors.Is(cause, errShutdown):
		return "retain：服务器正在关闭，再见。"
	case errors.Is(cause, errTimeLimit):
		return "retain：已达到本会话的时间上限，再见。"
	case errors.As(cause, &idle):
		return fmt.Sprintf("retain：已空闲 %s，会话关闭，再见。", time.Duration(idle))
	}
	return fmt.Sprintf("retain：%s，再见。", cause)
}

// fullMessage tells a client refused because the server is full, in lang.
func (s *Server) fullMessage(lang string) string {
	return say(lang, fmt.Sprintf("the server is full (at most %s); please try again later", plural(s.cfg.MaxSessions, "session")),
		fmt.Sprintf("服务器已满（最多 %d 个会话），请稍后再试", s.cfg.MaxSessions))
}
