# 秘书处工作指南 (docs/zh/secretariat.md): the secretariat opens 2024-2025, sets the
# panel, closes entries, assigns the stages, writes the results, makes the report and
# reviews a late pull request of an alliance contact.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show --lang zh period new "$PERIOD" --start 2024-01-01 --end 2025-12-31 --schema 2016
expect "vault/periods/$PERIOD.txt"
add_panel
file "vault/periods/$PERIOD.txt"
commit "秘书处：开启 $PERIOD 评价期"
for alliance in 半导体照明 住宅科技 化纤; do enter_records "$alliance"; done
commit "联盟：填报"
show --lang zh status "$PERIOD"
expect "食醋"; expect_status 1
close_entries
commit "秘书处：截止填报"
show --lang zh review assign "$PERIOD" --stage initial
R=vault/reviews/$PERIOD
! grep -q 住宅科技 "$R/E02.txt" || fail "E02 was given her own alliance"
fill_owed
commit "专家：初评"
run review assign "$PERIOD" --stage cross
fill_owed
commit "专家：交叉会评"
show --lang zh score "$PERIOD" --write
expect "vault/results/$PERIOD.tsv"
show --lang zh status "$PERIOD"
expect_status 0
show --lang zh score "$PERIOD"
commit "秘书处：写入 $PERIOD 评价结果"
mkdir -p reports
show --lang zh report "$PERIOD" --format html --output "reports/$PERIOD.html"
git switch -q -c 化纤-补报
append "vault/alliances/化纤/$PERIOD.txt" '2025-06-20 meeting type=expert-committee title=技术委员会年度会议'
run fmt "vault/alliances/化纤/$PERIOD.txt"
commit "化纤：补报技术委员会会议"
show --lang zh lint
expect "[stale-result]" "vault score $PERIOD --write"
show --lang zh diff main --author @li-hua
expect "化纤" "@xiefawang"
show --lang zh score "$PERIOD" --write
run lint --strict
[ "$RUN_STATUS" = 0 ] || fail "lint --strict still finds something after the results were written again"
