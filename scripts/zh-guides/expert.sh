# 专家评审指南 (docs/zh/expert.md): entries of 2024-2025 are closed and the initial
# stage assigned; 周立明 (E01) and 韩雪梅 (E02, who belongs to 住宅科技) fill in their
# owed lines, E02 reviews her own alliance by mistake, then the cross stage diverges.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
open_period
for alliance in 半导体照明 住宅科技 化纤; do enter_records "$alliance"; done
close_entries
run review assign "$PERIOD" --stage initial
commit "秘书处：截止填报，分配初评"
R=vault/reviews/$PERIOD
show --lang zh status "$PERIOD"
expect "E01" "住宅科技" "半导体照明"; expect_status 1
file "$R/E01.txt"
replace "$R/E01.txt" "owed alliance=住宅科技 stage=initial" "review alliance=住宅科技 stage=initial note=资料齐全"
replace "$R/E01.txt" "owed alliance=半导体照明 stage=initial" "review alliance=半导体照明 stage=initial note=标准制定证明材料不全 2.5=2"
file "$R/E01.txt"
show --lang zh explain 半导体照明 "$PERIOD"
expect "2.5=2" "66"
replace "$R/E02.txt" "owed alliance=半导体照明 stage=initial" "review alliance=半导体照明 stage=initial note=资料齐全"
append "$R/E02.txt" "review alliance=住宅科技 stage=initial 1.1=6"
show --lang zh lint
expect "[conflict-of-interest]"; expect_status 1
replace "$R/E02.txt" $'review alliance=住宅科技 stage=initial 1.1=6\n' ""
for expert in E03 E04; do
    replace "$R/$expert.txt" "owed alliance=化纤 stage=initial" "review alliance=化纤 stage=initial note=证明材料缺失 2.1=0 2.2=0 2.5=0 2.7=0"
done
commit "专家：初评"
run review assign "$PERIOD" --stage cross
fill_owed
show --lang zh lint
expect "[missing-recheck]" "化纤"
run review assign "$PERIOD" --stage recheck
show --lang zh status "$PERIOD"
expect "E01" "E02" "E03" "E04" "化纤"
