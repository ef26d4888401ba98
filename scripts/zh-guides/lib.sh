# Shared by the scenarios of the Chinese guides (docs/zh/NAME.md is played by
# scripts/zh-guides/NAME.sh). A scenario builds a working project in DIR from the
# shipped vault (its schemas and the metadata of four real alliances, so that the
# outputs are about the period the guide works on), then runs the guide's steps in
# order: `show ARGS` runs `vault ARGS` and is the `<!-- vault: ARGS -->` block of the
# guide, `file PATH` is the `<!-- file: PATH -->` block; `run ARGS` runs vault
# without showing it. The records and the panel are examples, never committed.
#
#   bash scripts/zh-guides/NAME.sh DIR        play a guide (VAULT: the binary, default .build/debug/vault)
#   scripts/zh-guides.sh                       rewrite every block of docs/zh/ from what vault prints now
#
# With VAULT_TRANSCRIPT=DIR set, each shown step is also kept there as NNN.args
# (the arguments, one a line) or NNN.file (the path), with NNN.out (what it printed:
# standard output, then standard error) and NNN.status: Tests/VaultKitTests/ZhGuideTests.swift
# compares them with the guide.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VAULT=${VAULT:-$ROOT/.build/debug/vault}
[ -x "$VAULT" ] || { echo "zh-guides: $VAULT is not built: run \`swift build\`" >&2; exit 2; }
WORK=${1:?usage: $0 DIR (an empty directory to build the scenario project in)}
mkdir -p "$WORK"
cd "$WORK"
[ -z "$(ls -A .)" ] || { echo "zh-guides: $WORK is not empty" >&2; exit 2; }
export NO_COLOR=1
unset CLICOLOR_FORCE VAULT_LANG
export GIT_AUTHOR_NAME=秘书处 GIT_AUTHOR_EMAIL=secretariat@example.org
export GIT_COMMITTER_NAME=秘书处 GIT_COMMITTER_EMAIL=secretariat@example.org
# The scenario's own git ignores the user's and the system's settings (hooks, signing, templates).
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
# Fixed dates: the same scenario makes the same commits, so every output is the same.
export GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
STEP=0

fail() { echo "zh-guides: $*" >&2; exit 2; }

# Keeps one shown step in the transcript: KIND (args or file), its key lines, its output file, its status.
keep() {
    STEP=$((STEP + 1))
    [ -n "${VAULT_TRANSCRIPT:-}" ] || return 0
    local n; n=$(printf %03d "$STEP")
    printf '%s\n' "${@:4}" > "$VAULT_TRANSCRIPT/$n.$1"
    cp "$2" "$VAULT_TRANSCRIPT/$n.out"
    echo "$3" > "$VAULT_TRANSCRIPT/$n.status"
}

# show ARGS…: runs `vault ARGS` as the guide shows it and keeps what it printed.
show() {
    local arg status=0
    for arg in "$@"; do [[ $arg != *$'\n'* ]] || fail "an argument holding a newline cannot be shown: $arg"; done
    "$VAULT" "$@" > "$SCRATCH/out" 2> "$SCRATCH/err" || status=$?
    [ "$status" -le 1 ] || { cat "$SCRATCH/err" >&2; fail "vault $* ended with status $status"; }
    cat "$SCRATCH/err" >> "$SCRATCH/out"
    echo "\$ vault $*"; cat "$SCRATCH/out"
    SHOWN_STATUS=$status
    keep args "$SCRATCH/out" "$status" "$@"
}

# expect TEXT…: the last shown step printed each TEXT (what the guide's prose says of it:
# rule ids, names, figures, which read the same in both languages); else the scenario stops.
expect() {
    local text
    for text in "$@"; do
        grep -qF -- "$text" "$SCRATCH/out" || fail "step $STEP does not print: $text"
    done
}

# expect_status N: the last shown command ended with exit status N (0 clean, 1 findings or something owed).
expect_status() { [ "$SHOWN_STATUS" = "$1" ] || fail "step $STEP ended with status $SHOWN_STATUS, not $1"; }

# file PATH: the file as it now stands, as the guide shows it.
file() {
    [ -f "$1" ] || fail "no file $1"
    echo "--- $1"; cat "$1"
    keep file "$1" 0 "$1"
}

# run ARGS…: runs `vault ARGS` without showing it (its exit status in RUN_STATUS); a usage
# or I/O error stops the scenario.
run() {
    RUN_STATUS=0
    "$VAULT" "$@" > "$SCRATCH/run" 2>&1 || RUN_STATUS=$?
    [ "$RUN_STATUS" -le 1 ] || { cat "$SCRATCH/run" >&2; fail "vault $* ended with status $RUN_STATUS"; }
}

# replace FILE OLD NEW: replaces the first OLD in FILE by NEW; OLD must be there.
replace() {
    local text; text=$(cat "$1"; echo x); text=${text%x}
    [[ $text == *"$2"* ]] || fail "$1 does not hold: $2"
    printf '%s' "${text/"$2"/"$3"}" > "$1"
}

# append FILE LINES…: adds lines at the end of FILE.
append() { local path=$1; shift; printf '%s\n' "$@" >> "$path"; }

commit() { git add -A && git commit -q -m "$1"; }

# The project: the shipped schemas and the alliance.txt of the four alliances, as a git
# repository with the project's .gitignore (the lock file) and .gitattributes.
ALLIANCES=(半导体照明 住宅科技 化纤 食醋)
mkdir -p vault/periods vault/alliances
cp -R "$ROOT/schemas" .
cp "$ROOT/.gitignore" "$ROOT/.gitattributes" .
for alliance in "${ALLIANCES[@]}"; do
    mkdir -p "vault/alliances/$alliance"
    cp "$ROOT/vault/alliances/$alliance/alliance.txt" "vault/alliances/$alliance/"
done
git -c init.defaultBranch=main init -q .
git config commit.gpgsign false
commit "the shipped schemas and four alliances"

PERIOD=2024-2025

# The panel of the example (invented names; 韩雪梅 belongs to 住宅科技) and each alliance's review group.
add_panel() {
    replace "vault/periods/$PERIOD.txt" " title=" " threshold=10 title="
    append "vault/periods/$PERIOD.txt" \
        'expert id=E01 name=周立明 group=A role=leader handle=@zhou-liming' \
        'expert id=E02 name=韩雪梅 group=A role=member affiliation=住宅科技产业技术创新战略联盟秘书长 alliances=住宅科技' \
        'expert id=E03 name=陈国栋 group=B role=leader' \
        'expert id=E04 name=孙伟 group=B role=member' \
        'secretariat handle=@xiefawang name=协发网秘书处'
    local alliance group
    for alliance in "${ALLIANCES[@]}"; do
        case $alliance in 半导体照明|住宅科技) group=A ;; *) group=B ;; esac
        replace "vault/alliances/$alliance/$PERIOD.txt" "status=open" "status=open group=$group"
    done
}

open_period() {
    run period new "$PERIOD" --start 2024-01-01 --end 2025-12-31 --schema 2016
    add_panel
    commit "秘书处：开启 $PERIOD 评价期"
}

# Example records of an alliance for the period (status=entered).
enter_records() {
    local file="vault/alliances/$1/$PERIOD.txt"
    replace "$file" "status=open" "status=entered"
    append "$file" \
        "innovation-chain title=围绕$1产业链构建创新链" \
        '2024-04-16 meeting type=expert-committee title=专家委员会年度会议' \
        '2024-07-08 meeting type=secretariat title=秘书处半年工作例会' \
        '2024-12-20 meeting type=secretariat title=秘书处年度工作会' \
        '2024-09-12 ip-sharing title=成员单位专利交叉许可 patents=6' \
        '2024-10-25 platform title=联合检测实验室' \
        "2024-11-05 event type=forum title=$1产业发展论坛 attendees=260" \
        "2025-01-10 report type=industry-report title=$1产业发展年度报告" \
        '2025-05-20 cooperation title=联盟间技术对接交流会' \
        '2025-06-18 training title=青年技术骨干培训班 trainees=85' \
        '2025-08-22 media title=联盟年度活动专题报道 outlet=科技日报' \
        '2025-03-28 meeting type=council title=理事会年度会议' \
        '2025-04-10 meeting type=members-assembly title=年度成员大会' \
        '2025-05-06 project type=commissioned title=行业共性技术咨询服务 funding=80万元' \
        '2025-07-15 standard level=group title=团体标准（联盟牵头） role=lead' \
        '2025-09-03 core-technology title=关键工艺联合攻关成果 patents=4' \
        '2025-10-14 service title=中小企业技术诊断服务'
    case $1 in
    半导体照明) append "$file" \
        'website type=website updates=48' \
        'secretariat staff=3 rules=yes' \
        '2024-03-20 meeting type=council title=第五届理事会第四次会议 attendees=38' \
        '2024-06-12 project type=self-funded title=Micro-LED显示芯片联合攻关 funding=1500万元 members=7' \
        '2025-04-18 standard level=group title=半导体照明产品光生物安全要求 role=lead' ;;
    住宅科技) append "$file" \
        'secretariat staff=2 rules=yes' \
        '2024-05-09 meeting type=council title=第四届理事会第三次会议 attendees=31' \
        '2025-03-15 meeting type=members-assembly title=2025年度成员大会 attendees=120' ;;
    化纤) append "$file" \
        'website type=wechat updates=60' \
        '2024-03-26 meeting type=council title=第三届理事会第二次会议 attendees=27' \
        '2024-04-02 project type=self-funded title=生物基聚酰胺56纤维产业化关键技术 funding=950万元 members=6' \
        '2024-09-10 project type=government title=莱赛尔纤维绿色制造示范线 funding=800万元' ;;
    *) fail "no example records for $1" ;;
    esac
    run fmt "$file"
}

# Entries close: the alliances that entered are evaluated, the others not (no-data).
close_entries() {
    replace "vault/periods/$PERIOD.txt" "threshold=10" "threshold=10 entries-closed=2026-01-15"
    local alliance file
    for alliance in "${ALLIANCES[@]}"; do
        file="vault/alliances/$alliance/$PERIOD.txt"
        if grep -q "status=entered" "$file"; then replace "$file" "status=entered" "status=evaluated"
        else replace "$file" "status=open" "status=no-data"; replace "$file" "group=B" "group=B note=未填报信息"; fi
    done
}

# Every expert fills in every owed line as the rubric scores it (no indicator of their own).
fill_owed() {
    local review text
    for review in "vault/reviews/$PERIOD"/*.txt; do
        text=$(cat "$review"; echo x); text=${text%x}
        printf '%s' "${text//owed alliance=/review alliance=}" > "$review"
    done
}
