package common

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
)

func TestErrorTextSpeaksChinese(t *testing.T) {
	en, zh := Common{Lang: "en"}, Common{Lang: "zh"}
	_, notFound := os.Open("/nonexistent/users.csv")
	bad := fmt.Errorf("preparing x: %w", &data.ParseError{File: "users.csv", Line: 3, Column: 2, Msg: `column "age": "abc" is not a number`, Err: data.ErrNotNumeric})
	_, mixed := data.ReadCSV(strings.NewReader("price;churn\n1.5;yes\n12,5;no\n"), "users.csv", data.CSVOptions{})
	src := experiment.Source{Kind: "log", Path: "o.csv", Cutoff: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), HorizonDays: 30}
	noop := func(io.Writer) error { return nil }
	noDir := experiment.WriteFileAtomic("/nonexistent/dir/u.csv", noop)
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	underFile := experiment.WriteFileAtomic(filepath.Join(file, "u.csv"), noop)
	cases := []struct {
		err error
		zh  string
	}{
		{notFound, "/nonexistent/users.csv：找不到文件"}, // the path once (review29 #2)
		{bad, `users.csv:3:2：值与该列的类型不符（column "age": "abc" is not a number）`},
		{mixed, `users.csv:3:1：同一列既用小数点又用小数逗号写数字（列 "price" 的 "12,5" 用小数逗号书写，而 "1.5"（第 2 行）用小数点书写：同一列的数字请用同一种写法）`},
		{&experiment.LimitError{Source: src, Rows: 12000, MaxRows: 10000}, "o.csv（订单日志，截止日 2020-01-02，观察期 30 天） 有 12,000 行；本会话最多只能用 10,000 行训练"},
		{&experiment.LimitError{Source: src, Rows: 12000, MaxRows: 10000, OnLoad: true}, "o.csv（订单日志，截止日 2020-01-02，观察期 30 天） 有 12,000 行；本会话最多允许 10,000 行（在训练前拒绝）"},
		{&experiment.LimitError{Epochs: 900, MaxEpochs: 500}, "要求训练 900 轮；本会话最多允许 500 轮"},
		{&experiment.LimitError{Params: 100_995_137, MaxParams: 1_000_000}, "网络将有 100,995,137 个参数；本会话最多允许 1,000,000 个"},
		{&experiment.LimitError{Params: 16_797_697, MaxParams: 1_000_000, AtLeast: true}, "网络将有至少 16,797,697 个参数；本会话最多允许 1,000,000 个"},
		{&experiment.LimitError{Memory: 6.4 * (1 << 30), MaxMemory: 256 << 20}, "训练将需要约 6.4 GiB 内存；本会话最多允许 256 MiB（减小批大小或单元数可减少内存）"},
		{&experiment.LimitError{Memory: 300 << 20, MaxMemory: 256 << 20, AtLeast: true}, "训练将需要至少 300 MiB 内存；本会话最多允许 256 MiB（减小批大小或单元数可减少内存）"},
		{&engine.DivergedError{Epoch: 3, Batch: 7, Cause: engine.CauseLossNaN, Reason: "loss NaN"}, "训练在第 3 轮第 7 批发散（损失为 NaN）"},
		{&engine.DivergedError{Epoch: 4, Batch: 1, Loss: math.Inf(1), Cause: engine.CauseLossInf, Reason: "loss +Inf"}, "训练在第 4 轮第 1 批发散（损失为 +Inf）"},
		{&engine.DivergedError{Epoch: 5, Batch: 1, Cause: engine.CauseValidationLoss, Reason: "validation loss not finite"}, "训练在第 5 轮第 1 批发散（验证损失不是有限值）"},
		{&engine.DivergedError{Epoch: 6, Batch: 1, Cause: engine.CauseWeightsNotFinite, Reason: "weights not finite"}, "训练在第 6 轮第 1 批发散（权重出现非有限值）"},
		{fmt.Errorf("%w: o.csv ends 2011-03-01", recommend.ErrCutoff), "截止日或观察期超出范围（cutoff or horizon out of range: o.csv ends 2011-03-01）"},
		{fmt.Errorf("%w: every pair bought", recommend.ErrTrainingPairs), "没有可供推荐模型学习的（客户, 商品）对（nothing to learn from: every pair bought）"},
		{&engine.DivergedError{Epoch: 1, Batch: 2, Loss: 4.516e16, Cause: engine.CauseLossExploded, Factor: 1000, FirstLoss: 1.435,
			Reason: "loss 4.516e+16 exploded past 1000× the first batch's 1.435"},
			"训练在第 1 轮第 2 批发散（损失 4.516e+16 超过第一批损失 1.435 的 1000 倍）"},
		{&engine.DivergedError{Epoch: 2, Batch: 1, Cause: engine.CauseGradientNotFinite, Reason: "gradient not finite"}, "训练在第 2 轮第 1 批发散（梯度出现非有限值）"},
		{noDir, "写入 /nonexistent/dir/u.csv 失败：目录 /nonexistent/dir 不存在"},
		{underFile, "写入 " + file + "/u.csv 失败：" + file + " 不是目录"},
		{&experiment.DirError{Path: "/ro/u.csv", Dir: "/ro", Err: fs.ErrPermission}, "写入 /ro/u.csv 失败：无法在目录 /ro 中创建文件：没有写入权限"},
		{errors.New("something new"), "something new"},
	}
	for _, c := range cases {
		if got := zh.ErrorText(c.err); got != c.zh {
			t.Errorf("zh %v\n got %q\nwant %q", c.err, got, c.zh)
		}
		if got := en.ErrorText(c.err); got != PlainError(c.err) {
			t.Errorf("en %q, want PlainError %q", got, PlainError(c.err))
		}
	}
	if !errors.Is(notFound, fs.ErrNotExist) {
		t.Fatal("os.Open of a missing file is not fs.ErrNotExist")
	}
}

func TestDescribeSourceSpeaksChinese(t *testing.T) {
	zh := Common{Lang: "zh"}
	for _, c := range []struct {
		src  experiment.Source
		want string
	}{
		{experiment.Source{Kind: "builtin", DataSeed: 7}, fmt.Sprintf("内置商店（%s 位用户，种子 7）", data.Thousands(data.DefaultShopUsers))},
		{experiment.Source{Kind: "textbook"}, "教科书商店（100 位用户）"},
		{experiment.Source{Kind: "csv", Path: "u.csv"}, "u.csv"},
		{experiment.Source{Kind: "log", Path: "o.csv"}, "o.csv（订单日志，默认截止日（最后日期减去观察期），观察期 30 天）"},
		{experiment.Source{Kind: "log", Path: "o.csv", Cutoff: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), HorizonDays: 60},
			"o.csv（订单日志，截止日 2020-01-02，观察期 60 天）"},
		{experiment.Source{Kind: "csv"}, "按用户的表（未保存路径）"},
		{experiment.Source{Kind: "log", HorizonDays: 60}, "订单日志（未保存路径；默认截止日（最后日期减去观察期），观察期 60 天）"},
	} {
		if got := zh.DescribeSource(c.src); got != c.want {
			t.Errorf("%+v: %q, want %q", c.src, got, c.want)
		}
		if got := (Common{Lang: "en"}).DescribeSource(c.src); got != c.src.Describe() {
			t.Errorf("en %q", got)
		}
	}
}

// TestErrorTextOfAnOrderLogOpenedAsATable: the refusal of an order log
// opened as a table says, in both languages, what it looks like and that g
// on the Data screen opens it as an order log (the command line's --log
// means nothing in the interface).
func TestErrorTextOfAnOrderLogOpenedAsATable(t *testing.T) {
	const orders = "customer_id,order_date,amount\n" +
		"c1,2024-01-02,10.5\nc2,2024-01-03,3\nc1,2024-02-01,7\nc3,2024-02-03,12\nc2,2024-02-05,4.25\nc1,2024-03-01,9\n"
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(orders)), nil }
	_, err := experiment.Load(experiment.Source{Kind: "csv", Path: "o.csv"}, open)
	var look *data.LogLookError
	if !errors.As(err, &look) {
		t.Fatalf("err %v, want a *data.LogLookError", err)
	}
	// The refusal as loaded holds no front end's advice: the command line
	// adds its --log (LogLookError.Advice), the interface words its own.
	if want := "o.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); " +
		`it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
		`with dates in column "order_date")`; err.Error() != want || look.Advice != "" {
		t.Errorf("loaded refusal %q (advice %q)\nwant %q", err, look.Advice, want)
	}
	for lang, want := range map[string]string{
		"en": "o.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); " +
			`it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
			`with dates in column "order_date"): press g on the Data screen to open it as an order log, which makes one row per customer ` +
			"and labels it by whether they order again",
		"zh": "o.csv:1：找不到标签列（查找过 churn、label、target、revenue、exited、purchased 等列名）；" +
			`它看起来是订单日志，而不是每个客户一行的表（它的 6 行中列 "customer_id" 有 3 个客户，日期在列 "order_date"）：` +
			"请在数据页按 g 以订单日志打开，它会为每个客户生成一行，并按客户是否再次下单打标签",
	} {
		if got := (Common{Lang: lang}).ErrorText(err); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
}

// TestOrderLogAdviceInAServedSession: a served session opens no file and
// has no g, so the warning on a table that reads as an order log (and its
// refusal) said a key the session does not have; there it says that the
// server can serve the file as a log, as OpenLogSentence does.
func TestOrderLogAdviceInAServedSession(t *testing.T) {
	look := data.LogLook{Customer: "customer_id", Date: "order_date", Lines: 6, Customers: 3}
	for lang, want := range map[string]string{
		"en": `o.csv: it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
			`with dates in column "order_date"): each line is read as a row of its own; the server can serve it as an order log with --log FILE ` +
			"instead of --data, which makes one row per customer and labels it by whether they order again",
		"zh": `o.csv：它看起来是订单日志，而不是每个客户一行的表（它的 6 行中列 "customer_id" 有 3 个客户，日期在列 "order_date"）：` +
			"每一行都被读作单独的一行；服务器可以改用 --log 文件 将其作为订单日志提供，它会为每个客户生成一行，并按客户是否再次下单打标签",
	} {
		c := Common{Lang: lang, Served: true}
		if got := c.LogLookWarning("o.csv", look); got != want {
			t.Errorf("%s warning:\n got %q\nwant %q", lang, got, want)
		}
		err := &data.LogLookError{Err: errors.New("o.csv:1: no label column found"), Look: look}
		if got := c.ErrorText(err); !strings.HasSuffix(got, c.openLogAdvice()) || strings.Contains(got, " g ") {
			t.Errorf("%s refusal %q, want it to end with the server's advice", lang, got)
		}
	}
}

// TestErrorTextOfABaselineError: a BG/NBD baseline that could not be had
// is said naming the step once: in English as experiment words it, in
// Chinese with the step in Chinese before the reason (it used to repeat it
// in English in brackets).
func TestErrorTextOfABaselineError(t *testing.T) {
	err := &experiment.BaselineError{Detail: "o.csv up to 2024-02-20", Err: fmt.Errorf("%w: BFGS: stuck", btyd.ErrFit)}
	for lang, want := range map[string]string{
		"en": "BG/NBD baseline: o.csv up to 2024-02-20: the fit did not converge: BFGS: stuck",
		"zh": "没有 BG/NBD 基线：o.csv up to 2024-02-20: the fit did not converge: BFGS: stuck",
	} {
		if got := (Common{Lang: lang}).ErrorText(err); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
}
