package report

// hostile holds catalog values that must always come out as text.
var hostile = []string{
	`<img src=x onerror=alert(1)>`,
	`</script><script>alert(1)</script>`,
	`{{7*7}}`,
	`(I Can't Get No) Satisfaction`,
	`back\slash \" \\ \n`,
	`pipe | star * under_score ` + "`tick`" + ` [link](javascript:alert(1))`,
	`"double" & 'single' $x$ ~strike~ #hash`,
	"line\nbreak\r\nend",
	"Jumpin' Jack Flash – 日本語 ✓",
}
