package common

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// groupSeparatorZh names in Chinese how a column grouped its thousands
// (data.GroupClash's Separator and Other).
var groupSeparatorZh = map[string]string{"spaces": "空格", "apostrophes": "撇号", "commas": "逗号或句点"}

// groupClashZh words in Chinese a numeric column that grouped its
// thousands more than one way (data.GroupClash).
func groupClashZh(f data.GroupClash) string {
	var other string
	switch f.Other {
	case "none":
		other = fmt.Sprintf("第 %d 行的 %s 却没有分组", f.OtherLine, quoteCut(f.OtherCell))
	case "commas":
		other = "其他单元格用逗号或句点分组"
	default:
		other = fmt.Sprintf("第 %d 行用%s分组（%s）", f.OtherLine, groupSeparatorZh[f.Other], quoteCut(f.OtherCell))
	}
	return fmt.Sprintf("列 %q 的 %s 用%s分隔千位，但%s：千位分组写法不止一种的列不按数字读取；请统一写法，或用 --exclude %s 排除该列",
		f.Column, quoteCut(f.Cell), groupSeparatorZh[f.Separator], other, f.Column)
}
