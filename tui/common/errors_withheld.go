package common

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// withheldNotes says in Chinese that several cells are not shown
// (withheldZh says it of one).
const withheldNotes = "这些值可能指明某人，不予显示"

// valuesWithheldZh words in Chinese a parse error whose values are withheld
// (data.ValuesWithheld, under --pseudonymise): the kind of problem, the
// column and the counts, never a value.
func valuesWithheldZh(w data.ValuesWithheld) string {
	switch w.Problem {
	case data.WithheldLabelClasses:
		switch {
		case w.TwoWays:
			return fmt.Sprintf("标签列 %q 只有一个类别，写成了两种形式（%s），需要恰好两个", w.Column, withheldNotes)
		case w.Classes == 1:
			return fmt.Sprintf("标签列 %q 只有一个类别（%s），需要恰好两个", w.Column, withheldZh)
		case w.MoreThan > 0:
			return fmt.Sprintf("标签列 %q 有超过 %d 个类别（%s），需要恰好两个", w.Column, w.MoreThan, withheldNotes)
		}
		return fmt.Sprintf("标签列 %q 有 %d 个类别（%s），需要恰好两个", w.Column, w.Classes, withheldNotes)
	case data.WithheldNotANumber:
		if w.Column == "" {
			return fmt.Sprintf("%s值不是数字（%s）", columnOf("", w.Role), withheldZh)
		}
		counts := "该列前几行都是数字"
		if w.Present > 0 {
			counts = fmt.Sprintf("前几行的 %d 个值中有 %d 个是数字", w.Present, w.Numbers)
		}
		return fmt.Sprintf("列 %q 应为有限的数字（%s），却有一个单元格不是（%s）；请改正这些单元格（缺失值可留空），或不用这一列", w.Column, counts, withheldZh)
	case data.WithheldBadDate:
		return withheldDateZh[w.Date] + "（" + withheldZh + "）"
	case data.WithheldDateOrder:
		return "有一个日期无法判断日与月的先后，或与日志中其他日期的写法顺序不同（" + withheldZh + "）；请给出日期顺序（--date-order dmy 或 mdy）"
	case data.WithheldMixedDecimals:
		return fmt.Sprintf("%s数字有的用小数逗号书写，有的用小数点书写（%s）：同一列的数字请用同一种写法", columnOf(w.Column, w.Role), withheldNotes)
	case data.WithheldBadCell:
		expected := w.Expected
		if expected == "a finite number" {
			expected = "有限的数字"
		}
		return fmt.Sprintf("列 %q 应为 %s，却有一个单元格不是（%s）", w.Column, expected, withheldZh)
	case data.WithheldTooLarge:
		return fmt.Sprintf("%s值太大（%s）：绝对值超过 %s（2^53）的数无法精确相加", columnOf("", w.Role), withheldZh, data.Thousands(data.MaxLogNumber))
	}
	return "详情可能引用指明某人的值，不予显示"
}

// withheldDateZh says in Chinese what is wrong with a date cell, without it.
var withheldDateZh = map[data.DateProblem]string{
	0:                            "有一个日期无法识别",
	data.DateMissing:             "日期为空",
	data.DateNotCalendar:         "有一个日期不是真实存在的日期",
	data.DateUnparseable:         "有一个日期的写法无法识别",
	data.DateDayNumberAmongDates: "日期列中出现了天数编号：一个日期列要么全是日期，要么全是天数编号",
	data.DateAmongDayNumbers:     "天数编号列中出现了日期：一个日期列要么全是日期，要么全是天数编号",
}
