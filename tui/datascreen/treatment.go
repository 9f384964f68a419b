package datascreen

import (
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// gnum writes a fitted statistic as the data package does in its English
// descriptions (data.FormatStatistic), so both languages show one value.
func gnum(v float64) string { return data.FormatStatistic(v) }

// action says what preprocessing does to a column, then its warning, in
// the interface's language (data.ColumnReport.Action in English). A reason
// the levels-or-range cell already gives (a column without levels or range
// shows why there) is not said again.
func (s Model) action(c data.ColumnReport) string {
	parts := []string{}
	tr := c.Treatment
	if tr.Why == c.Why && s.showsReason(c) {
		tr.Why = data.Reason{}
	}
	if constantFeature(c) {
		parts = append(parts, s.T("constant: the same for every user, so it tells no one apart (Anomalies leaves it out)",
			"常量：每个用户取值相同，无法区分用户（异常页不使用此列）"))
	}
	if m := s.numberMarks(c.Stripped); m != "" {
		parts = append(parts, m)
	}
	if w := s.missingWords(c.MissingWords); w != "" {
		parts = append(parts, w)
	}
	if c.Kind == data.Categorical && c.Role == "feature" && c.Why.HasDates() {
		// One-hot encoded as it is, but its values look like dates: said
		// first, where a short description still shows it.
		parts = append(parts, s.Tf("read as categories, not dates: %s", "按类别而非日期读取：%s", s.datesReason(c.Why)))
	}
	if t := s.treatment(tr); t != "" {
		parts = append(parts, t)
	}
	if w := s.mixed(c.Mixed); w != "" {
		parts = append(parts, w)
	}
	return strings.Join(parts, s.T("; ", "；"))
}

// numberMarks says what was removed from a column's cells to read them as
// numbers (data.NumberMarks; "" for nothing).
func (s Model) numberMarks(m data.NumberMarks) string {
	var removed []string
	if signs := m.Currencies(); len(signs) > 0 {
		removed = append(removed, s.Tf("currency sign %s", "货币符号 %s", strings.Join(signs, " ")))
	}
	if m.Percent() {
		removed = append(removed, s.T("% (9% is 9)", "%（9% 即 9）"))
	}
	if m.Groups() {
		removed = append(removed, s.T("thousands separators", "千位分隔符"))
	}
	if m.SpaceGroups() {
		removed = append(removed, s.T("the spaces grouping thousands (1 234 is 1234)", "分隔千位的空格（1 234 即 1234）"))
	}
	if m.ApostropheGroups() {
		removed = append(removed, s.T("the apostrophes grouping thousands (1'234 is 1234)", "分隔千位的撇号（1'234 即 1234）"))
	}
	var out []string
	if len(removed) > 0 {
		out = append(out, s.Tf("read without %s", "读取时去掉%s", strings.Join(removed, s.T(", ", "、"))))
	}
	if m.Parens() {
		out = append(out, s.T("(5) read as -5", "(5) 读作 -5"))
	}
	return strings.Join(out, s.T("; ", "；"))
}

// missingWords says which words of a column of numbers were read as
// missing (data.MissingWord: `3 "Unknown", 1 "N.A." read as missing`; ""
// for none); beyond three spellings, the rest are counted together.
func (s Model) missingWords(ws []data.MissingWord) string {
	var parts []string
	rest := 0
	for _, w := range ws {
		if w.Word == "" || len(parts) == 3 {
			rest += w.Cells
			continue
		}
		parts = append(parts, common.Thousands(w.Cells)+" "+strconv.Quote(w.Word))
	}
	if rest > 0 {
		parts = append(parts, s.Tf("%s in other spellings", "%s 个其他写法", common.Thousands(rest)))
	}
	if len(parts) == 0 {
		return ""
	}
	return s.Tf("%s read as missing", "%s 读作缺失", strings.Join(parts, s.T(", ", "、")))
}

// treatment words a data.Treatment.
func (s Model) treatment(tr data.Treatment) string {
	switch tr.Action {
	case data.ActionID:
		out := s.T("kept to identify rows; not a feature", "保留用于识别行，不作特征")
		if why := s.reason(tr.Why); why != "" {
			out += s.Tf(" (%s)", "（%s）", why)
		}
		return out
	case data.ActionDropped:
		if why := s.reason(tr.Why); why != "" {
			return s.Tf("dropped: %s", "未使用：%s", why)
		}
		return s.T("dropped", "未使用")
	case data.ActionUnused:
		return s.T("not used by the pipeline", "预处理流程未使用")
	case data.ActionExcluded:
		return s.T("excluded from the features (x puts it back)", "已从特征中排除（按 x 恢复）")
	case data.ActionLabel:
		return s.Tf("label: %q = 1 (%s of rows), %q = 0", "标签：%q = 1（占 %s 的行），%q = 0",
			tr.Levels[1], common.Percent(tr.Rate), tr.Levels[0])
	case data.ActionFeature:
		return strings.Join(s.featureSteps(tr), s.T("; ", "；"))
	}
	return ""
}

// featureSteps words a feature's imputation and encoding.
func (s Model) featureSteps(tr data.Treatment) []string {
	var steps []string
	if tr.Missing > 0 {
		switch tr.Kind {
		case data.Categorical:
			steps = append(steps, s.Tf("%d missing in training encode as all zeros", "训练集中 %d 个缺失，编码为全零", tr.Missing))
		case data.Boolean:
			steps = append(steps, s.Tf("%d missing in training filled with the mode %s", "训练集中 %d 个缺失，用众数 %s 填充",
				tr.Missing, gnum(tr.Fill)))
		default:
			fill := gnum(tr.Fill)
			if tr.Date {
				fill = data.FormatDay(tr.Fill)
			}
			steps = append(steps, s.Tf("%d missing in training filled with the %s %s", "训练集中 %d 个缺失，用%s %s 填充",
				tr.Missing, s.imputation(tr.Impute), fill))
		}
		if tr.Indicator {
			steps = append(steps, s.T("plus a was-missing indicator", "另加一列“是否缺失”指示"))
		}
	}
	if tr.FewMissing && tr.Missing == 0 {
		steps = append(steps, s.Tf("fewer than %d missing in training", "训练集中缺失少于 %d 个", data.MinGroup))
	}
	if tr.NoIndicator {
		steps = append(steps, s.Tf("no was-missing indicator: fewer than %d missing in training", "不加“是否缺失”指示：训练集中缺失少于 %d 个",
			data.MinGroup))
	}
	if tr.Date {
		latest := data.FormatDay(tr.Max)
		steps = append(steps, s.Tf("dates clipped to [%s, %s] and counted in days before %s (the training rows' k-anonymous latest date)",
			"日期先截断到 [%s, %s]，再换算为距 %s（训练行经 k-匿名处理的最晚日期）的天数", data.FormatDay(tr.Min), latest, latest))
		tr = tr.Days()
	}
	switch {
	case tr.Encoding == data.EncodeOneHot && tr.Other && tr.Folded > 0:
		levels := s.Tf("%d levels", "%d 个", tr.Folded)
		if tr.Folded == 1 {
			levels = s.T("1 level", "1 个")
		}
		steps = append(steps, s.Tf("one-hot encoded into %s (%s seen < %d times, and unseen ones: %s)",
			"独热编码为 %s（%s出现少于 %d 次的取值及未见过的取值：%s）", s.columns(tr.Width), levels, data.MinGroup, data.OtherLevel))
	case tr.Encoding == data.EncodeOneHot && tr.Other:
		steps = append(steps, s.Tf("one-hot encoded into %s (levels seen < %d times and unseen ones: %s)",
			"独热编码为 %s（出现少于 %d 次及未见过的取值：%s）", s.columns(tr.Width), data.MinGroup, data.OtherLevel))
	case tr.Encoding == data.EncodeOneHot:
		steps = append(steps, s.Tf("one-hot encoded into %s (unseen levels: all zeros)",
			"独热编码为 %s（未见过的取值：全零）", s.columns(tr.Width)))
	case tr.Encoding == data.EncodeBoolean:
		if tr.Levels[0] == "" { // a presence flag
			steps = append(steps, s.Tf("encoded blank = 0, %s = 1", "编码 空白 = 0，%s = 1", tr.Levels[1]))
			break
		}
		steps = append(steps, s.Tf("encoded %s = 0, %s = 1", "编码 %s = 0，%s = 1", tr.Levels[0], tr.Levels[1]))
	case tr.Log && tr.Encoding == data.EncodeMinMax:
		steps = append(steps, s.Tf("log(1+v), then min-max scaled from [%s, %s] to [0, 1]",
			"先取 log(1+v)，再从 [%s, %s] 最小-最大缩放到 [0, 1]", gnum(tr.Min), gnum(tr.Max)))
	case tr.Log && tr.Encoding == data.EncodeZScore:
		steps = append(steps, s.Tf("log(1+v), then z-scored (mean %.4g, sd %.4g in log units)",
			"先取 log(1+v)，再标准化（对数尺度下均值 %.4g，标准差 %.4g）", tr.Center, tr.Spread))
	case tr.Log && tr.Encoding == data.EncodeRobust:
		steps = append(steps, s.Tf("log(1+v), then robust-scaled (median %.4g, spread %.4g in log units)",
			"先取 log(1+v)，再稳健缩放（对数尺度下中位数 %.4g，离散度 %.4g）", tr.Center, tr.Spread))
	case tr.Encoding == data.EncodeRobust:
		steps = append(steps, s.Tf("robust-scaled (median %.4g, spread %.4g)", "稳健缩放（中位数 %.4g，离散度 %.4g）", tr.Center, tr.Spread))
	case tr.Encoding == data.EncodeMinMax:
		steps = append(steps, s.Tf("min-max scaled from [%s, %s] to [0, 1]", "从 [%s, %s] 最小-最大缩放到 [0, 1]",
			gnum(tr.Min), gnum(tr.Max)))
	case tr.Encoding == data.EncodeZScore:
		steps = append(steps, s.Tf("z-scored (mean %.4g, sd %.4g)", "标准化（均值 %.4g，标准差 %.4g）", tr.Center, tr.Spread))
	default:
		steps = append(steps, s.T("used as is", "原样使用"))
	}
	if tr.Clip && tr.Encoding != data.EncodeMinMax && tr.Encoding != data.EncodeBoolean {
		steps = append(steps, s.Tf("values clipped to [%s, %s] first", "数值先截断到 [%s, %s]", gnum(tr.Min), gnum(tr.Max)))
	}
	if tr.RareFlag() {
		steps = append(steps, s.Tf("its rarer value is held by fewer than %d training customers, so it folds into the common one (%s), as a rare level folds into %s: the model cannot use the column",
			"较少的取值在训练集中不足 %d 位客户，因此并入常见取值（%s），如同稀有类别并入 %s：模型无法利用此列",
			data.MinGroup, gnum(tr.Min), data.OtherLevel))
	}
	if tr.Constant() {
		steps = append(steps, s.T("its bounds meet, so every value is the same to the model: it cannot use the column",
			"上下界重合，所有取值对模型都相同：模型无法利用此列"))
	}
	return steps
}

// imputation names the fill statistic.
func (s Model) imputation(m data.Imputation) string {
	switch m {
	case data.ImputeMedian:
		return s.T("median", "中位数")
	case data.ImputeMean:
		return s.T("mean", "均值")
	}
	return m.String()
}

// kindReason words why a column has its kind.
func (s Model) kindReason(r data.Reason) string {
	if r.DecimalComma[0] != "" {
		// Numbers, so no dates: String is the kind's reason alone.
		return s.T(r.String(), common.DecimalCommaZh(r.DecimalCommaCells()))
	}
	words := s.kindWords(r)
	switch {
	case r.Blanks == 0 || r.Kind == data.ReasonPresence:
	case r.Blanks == 1:
		words += s.T("; 1 blank id", "；1 个空白标识")
	default:
		words += s.Tf("; %s blank ids", "；%s 个空白标识", data.Thousands(r.Blanks))
	}
	return words
}

// kindWords is kindReason without the blank ids.
func (s Model) kindWords(r data.Reason) string {
	switch r.Kind {
	case data.ReasonPresence:
		blanks := s.Tf("%s blanks", "%s 个空白", data.Thousands(r.Blanks))
		if r.Blanks == 1 {
			blanks = s.T("1 blank", "1 个空白")
		}
		return s.Tf("one value (%q) and %s: read as yes/no, present or blank", "只有一个取值（%q）和 %s：读作是/否，有值或空白",
			r.Value, blanks)
	case data.ReasonAllMissing:
		return s.T("every value is missing", "全部缺失")
	case data.ReasonSingleValue:
		return s.T("a single value", "只有一个取值")
	case data.ReasonUnique:
		return s.T("every value is unique", "每个值都不同")
	case data.ReasonIDName:
		return s.Tf("named like an identifier, %d distinct values in %d rows", "名称像标识符，%[2]d 行中有 %[1]d 个不同值",
			r.Distinct, r.Rows)
	case data.ReasonTooManyLevels:
		return s.Tf("%d distinct values, more than the %d a categorical column may have", "%d 个不同值，超过类别列最多 %d 个的上限",
			r.Distinct, r.MaxLevels)
	case data.ReasonUniqueIntegers:
		return s.T("unique integers", "互不相同的整数")
	case data.ReasonLongIntegers:
		return s.Tf("%d unique whole numbers of %d digits or more within a factor of ten, as account numbers are",
			"%d 个互不相同的整数，至少 %d 位，最大值不到最小值的十倍，像账号一样", r.Rows, r.Digits)
	case data.ReasonMostlyDistinct:
		return s.Tf("nearly every value distinct, %d in %d rows", "几乎每个值都不同：%[2]d 行中有 %[1]d 个不同值", r.Distinct, r.Rows)
	case data.ReasonContact:
		return s.T("written like e-mail addresses or phone numbers", "写法像电子邮件地址或电话号码")
	case data.ReasonPersonHeader:
		return s.T("its header names a person or their contact details", "列名指向个人姓名或联系方式")
	}
	return ""
}

// reason words why a column has its kind, and why its dates were left as
// text when they were (data.Column.Note in English).
func (s Model) reason(r data.Reason) string {
	kind, dates := s.kindReason(r), s.datesReason(r)
	if kind != "" && dates != "" {
		return kind + s.T("; ", "；") + dates
	}
	return kind + dates
}

// datesReason words why a column of dates was left as text, and how to
// have them read (data.Reason's English).
func (s Model) datesReason(r data.Reason) string {
	var parts []string
	if u := s.unreadDates(r.DateUnread); u != "" {
		parts = append(parts, u)
	}
	switch r.Dates {
	case data.DateDoubtOrder:
		parts = append(parts, s.Tf("dates written with the year last (%q) that cannot tell day from month: none has a first or second number above 12; "+
			"give the date order (--date-order dmy or mdy) to read them as dates",
			"年份在后的日期（%q）分不清日和月：没有一个日期的第一或第二个数大于 12；给出日期顺序（--date-order dmy 或 mdy）即可按日期读取", r.DateFirst))
	case data.DateDoubtMixed:
		parts = append(parts, s.Tf("dates written with the year last that mix day first (%q) and month first (%q); "+
			"write them all one way (YYYY-MM-DD) to read them as dates",
			"年份在后的日期混用了日在前（%q）和月在前（%q）两种写法；统一写法（YYYY-MM-DD）即可按日期读取", r.DateFirst, r.DateSecond))
	case data.DateDoubtAgainst:
		order := s.T("day first (day/month/year)", "日在前（日/月/年）")
		other := s.T("month first (month/day/year)", "月在前（月/日/年）")
		if r.DateGiven == data.DateMDY {
			order, other = other, order
		}
		parts = append(parts, s.Tf("dates written with the year last that the date order given (--date-order %s, %s) does not read: %q is %s",
			"年份在后的日期与给出的日期顺序（--date-order %s，%s）不符：%q 是%s", r.DateGiven, order, r.DateFirst, other))
	}
	return strings.Join(parts, s.T("; ", "；"))
}

// unreadDates words data.Reason.DateUnread: the column looks like dates
// written in forms the date reader does not read ("" when it quotes none).
func (s Model) unreadDates(unread [data.DateUnreadForms]string) string {
	var forms []string
	for i, v := range unread {
		if v == "" {
			continue
		}
		switch i {
		case data.DateUnreadTwoDigitYear:
			forms = append(forms, s.Tf("with two-digit years (%q), which leave the century unsaid", "用两位数年份（%q），未写明世纪", v))
		case data.DateUnreadMonthFirst:
			forms = append(forms, s.Tf("with the month name before the day (%q)", "月份名写在日之前（%q）", v))
		case data.DateUnreadNumber:
			forms = append(forms, s.Tf("as whole numbers (%q) among dates written otherwise", "在其他写法的日期中写成整数（%q）", v))
		}
	}
	if len(forms) == 0 {
		return ""
	}
	return s.Tf("its values look like dates, but some are written in forms not read as dates: %s; write the dates as YYYY-MM-DD (or 4 Mar 2021) to read the column as dates",
		"其值看似日期，但有些写法不按日期读取：%s；把日期写成 YYYY-MM-DD（或 4 Mar 2021）即可按日期读取该列",
		strings.Join(forms, s.T(", ", "，")))
}

// mixed words the warning on a column of mostly numbers read as text.
func (s Model) mixed(m *data.MixedText) string {
	if m == nil {
		return ""
	}
	examples := strings.Join(m.Examples, s.T(", ", "，"))
	if m.More {
		examples += s.T(", …", "，…")
	}
	if m.NotNumbers == 1 {
		return s.Tf("read as text although %d of its %d values in the first rows are numbers: 1 is not (%s)",
			"按文本读取，尽管前几行的 %[2]d 个值中有 %[1]d 个是数字：1 个不是（%[3]s）",
			m.Numbers, m.Present, examples)
	}
	return s.Tf("read as text although %d of its %d values in the first rows are numbers: %d are not (%s)",
		"按文本读取，尽管前几行的 %[2]d 个值中有 %[1]d 个是数字：%[3]d 个不是（%[4]s）",
		m.Numbers, m.Present, m.NotNumbers, examples)
}

// columns is n encoded columns in the interface's language.
func (s Model) columns(n int) string {
	return s.T(common.Plural(n, "column", "columns"), strconv.Itoa(n)+" 列")
}
