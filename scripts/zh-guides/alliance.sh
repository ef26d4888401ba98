# 联盟填报指南 (docs/zh/alliance.md): the contact of 半导体照明 enters the alliance's
# records for 2024-2025 on a branch, with two mistakes that lint finds, fixes them
# and checks what the change moves.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
open_period
git switch -q -c 半导体照明-填报
F=vault/alliances/半导体照明/$PERIOD.txt
file "$F"
replace "$F" "status=open" "status=entered"
append "$F" \
    'website type=website updates=48' \
    'secretariat staff=3 rules=yes' \
    '2024-03-20 meeting type=council title=第五届理事会第四次会议 attendes=38' \
    '2024-06-12 project type=self-funded funding=1500万元 members=7'
file "$F"
show --lang zh lint
expect "[unknown-field]" "attendes" "[missing-field]" "title"; expect_status 1
replace "$F" "attendes=38" "attendees=38"
replace "$F" "members=7" "members=7 title=\"Micro-LED显示芯片联合攻关\""
show --lang zh fmt
expect "半导体照明/2024-2025.txt"
file "$F"
show --lang zh lint
expect_status 0
show --lang zh diff main
expect "理事会会议" "0 → 4"
git add "$F"
git commit -q -m "半导体照明：填报 2024-2025 评价期记录"
git diff --quiet HEAD || fail "the guide's git add leaves changes uncommitted"
