#!/usr/bin/env python3
"""Generate a large, realistic vault for benchmarks: deterministic for given arguments.

usage: scripts/generate-vault.py OUT_DIR [--alliances 1000] [--periods 10] [--records 100]

Writes OUT_DIR/schemas (copied from this repository) and OUT_DIR/vault with
one period file per period, and per alliance an alliance.txt and one record
file per period holding one `published` line and RECORDS-1 activity records.
"""
import argparse
import os
import random
import shutil

INDUSTRIES = ["半导体照明", "粉末冶金", "杂交水稻", "化纤", "农业装备", "木竹", "存储", "花卉", "肉类加工",
              "光纤材料", "烟气污染治理", "再生资源", "太阳能光热", "稻米精深加工", "钒钛资源", "滚动轴承"]
TOPICS = ["关键共性技术", "高效节能", "智能制造", "绿色低碳", "新材料", "检测认证", "数字化转型", "标准体系",
          "产业链协同", "国际合作", "成果转化", "人才培养"]
ACTIONS = ["联合攻关", "示范应用", "研讨会", "培训班", "技术交流", "专题调研", "年度会议", "工作推进会"]


def title(rng):
    return f"{rng.choice(INDUSTRIES)}{rng.choice(TOPICS)}{rng.choice(ACTIONS)}（第{rng.randint(1, 30)}期）"


def day(rng, year):
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def record(rng, year):
    kind = rng.randrange(8)
    t = title(rng)
    if kind == 0:
        return f'{day(rng, year)} meeting type={rng.choice(["council", "expert-committee", "members-assembly", "secretariat"])} title="{t}" attendees={rng.randint(10, 300)}'
    if kind == 1:
        return f'{day(rng, year)} project type={rng.choice(["self-funded", "government", "commissioned"])} title="{t}" funding={rng.randint(10, 90000)}万元 members={rng.randint(2, 40)}'
    if kind == 2:
        return f'{day(rng, year)} standard level={rng.choice(["national", "industry", "group", "alliance"])} title="{t}" number="T/CSA {rng.randint(1, 999)}-{year}" role={rng.choice(["lead", "participant"])}'
    if kind == 3:
        return f'{day(rng, year)} event type={rng.choice(["exhibition", "forum", "conference"])} title="{t}" attendees={rng.randint(50, 5000)}'
    if kind == 4:
        return f'{day(rng, year)} ip-sharing title="{t}" patents={rng.randint(1, 60)}'
    if kind == 5:
        return f'{day(rng, year)} platform title="{t}"'
    if kind == 6:
        return f'{day(rng, year)} training title="{t}" trainees={rng.randint(10, 800)}'
    return f'{day(rng, year)} media title="{t}" outlet="{rng.choice(["科技日报", "人民网", "新华网", "中国经济网"])}"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--alliances", type=int, default=1000)
    parser.add_argument("--periods", type=int, default=10)
    parser.add_argument("--records", type=int, default=100)
    args = parser.parse_args()

    rng = random.Random(20231123)
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(os.path.join(here, "..", "schemas"), os.path.join(args.out, "schemas"))
    years = [2014 + i for i in range(args.periods)]
    os.makedirs(os.path.join(args.out, "vault", "periods"))
    for year in years:
        with open(os.path.join(args.out, "vault", "periods", f"{year}.txt"), "w", encoding="utf-8") as f:
            f.write(f'period start={year}-01-01 end={year}-12-31 schema=2016 roster={args.alliances} title="{year} 年度活跃度评价（生成数据）"\n')
    for n in range(args.alliances):
        # Unique, well-formed codes: 100 per batch, then D codes; none beyond that.
        batch = 1 + n // 100 if n < 300 else "later"
        code = f"{batch}{n % 100:02d}" if n < 300 else f"D{n - 300:03d}" if n < 1300 else None
        ident = f"{rng.choice(INDUSTRIES)}{n:05d}"
        directory = os.path.join(args.out, "vault", "alliances", ident)
        os.makedirs(directory)
        with open(os.path.join(directory, "alliance.txt"), "w", encoding="utf-8") as f:
            code_field = f"code={code} " if code else ""
            f.write(f'alliance {code_field}batch={batch} name="{ident}产业技术创新战略联盟" short={ident}\n')
        for year in years:
            score = rng.randint(20, 100)
            band = "high" if score >= 85 else "fairly-high" if score >= 70 else "average" if score >= 50 else "inactive"
            lines = [f"published status=evaluated score={score} band={band} source=generated:table"]
            lines += [record(rng, year) for _ in range(args.records - 1)]
            with open(os.path.join(directory, f"{year}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
