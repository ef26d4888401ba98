/// The record kinds `vault` itself relies on: alliance metadata, period
/// definitions, published results. Written in the schema grammar and parsed like
/// any schema, so `docs/format.md` and `vault schema core` show the same thing.
public enum CoreSchema {
    public static let text = """
        schema title="vault core kinds" total=0 note="kinds the tool relies on; activity kinds come from the period's schema"

        # vault/alliances/ID/alliance.txt
        kind id=alliance title=联盟 file=alliance unique=yes dated=no
        field kind=alliance id=code type=code title=批次编号
        field kind=alliance id=batch type=enum(1,2,3,later) title=批次
        field kind=alliance id=name type=text required=yes title=联盟名称
        field kind=alliance id=short type=text title=简称
        field kind=alliance id=joined type=int title=加入试点年份
        field kind=alliance id=note type=text
        kind id=maintainer title=维护人 file=alliance dated=no
        field kind=maintainer id=handle type=text required=yes title=代码托管平台账号
        field kind=maintainer id=name type=text
        kind id=alias title=曾用名 file=alliance dated=no
        field kind=alias id=name type=text required=yes
        field kind=alias id=source type=text required=yes
        field kind=alias id=code type=text title=报告所印编号
        field kind=alias id=note type=text

        # vault/periods/PERIOD.txt
        kind id=period title=评价期 file=period unique=yes dated=no
        field kind=period id=start type=date required=yes
        field kind=period id=end type=date required=yes
        field kind=period id=schema type=text required=yes
        field kind=period id=roster type=int title=联盟总数
        field kind=period id=roster1 type=int title=第一批联盟数
        field kind=period id=roster2 type=int title=第二批联盟数
        field kind=period id=roster3 type=int title=第三批联盟数
        field kind=period id=roster-later type=int title=后续参加试点联盟数
        field kind=period id=threshold type=decimal title=初评与交叉评差异复核阈值
        field kind=period id=entries-closed type=date title=填报截止日期
        field kind=period id=title type=text
        field kind=period id=source type=text
        kind id=source title=来源文件 file=period dated=no
        field kind=source id=id type=text required=yes
        field kind=source id=title type=text required=yes
        field kind=source id=file type=text
        field kind=source id=url type=text
        field kind=source id=published type=date

        kind id=expert title=评价专家 file=period dated=no
        field kind=expert id=id type=text required=yes
        field kind=expert id=name type=text required=yes
        field kind=expert id=group type=text title=评价小组
        field kind=expert id=role type=text
        field kind=expert id=affiliation type=text
        field kind=expert id=alliances type=alliances title=所属联盟
        field kind=expert id=handle type=text title=代码托管平台账号
        kind id=secretariat title=秘书处成员（维护评价期、指标体系） file=period dated=no
        field kind=secretariat id=handle type=text required=yes
        field kind=secretariat id=name type=text

        kind id=assert title=公布数据核对 file=period dated=no
        field kind=assert id=stat type=enum(in-scope,entered-data,evaluated,not-evaluated,band-count,band-percent-of-evaluated,band-percent-of-in-scope,batch-evaluated,batch-band-count,batch-band-percent-of-band,batch-band-percent-of-batch,count-at-least,designations,activity-count,activity-funding,no-data,incomplete,batch-evaluated-percent-of-batch,batch-band-percent-of-batch-evaluated,batch-band-percent-of-evaluated,batch-band-percent-of-in-scope,lowest-score,experts,evaluation-number,alliances-with,not-in-vault) required=yes
        field kind=assert id=band type=text
        field kind=assert id=batch type=enum(1,2,3,later,pilot)
        field kind=assert id=min type=decimal
        field kind=assert id=award type=text
        field kind=assert id=kind type=text
        field kind=assert id=type type=text
        field kind=assert id=banding type=enum(score,printed) title=按分数或按所印档次计
        field kind=assert id=approx type=enum(at-least) title=约数（多、数十）
        field kind=assert id=what type=text title=所计之物（not-in-vault）
        field kind=assert id=value type=decimal required=yes
        field kind=assert id=source type=text required=yes
        field kind=assert id=note type=text
        kind id=tie title=专家与联盟的关联（其他来源） file=period dated=no
        field kind=tie id=expert type=text required=yes
        field kind=tie id=alliance type=alliance required=yes
        field kind=tie id=role type=text
        field kind=tie id=source type=text required=yes
        field kind=tie id=note type=text

        # vault/reviews/PERIOD/EXPERT.txt (plus one decimal field per indicator of the period's schema)
        kind id=review title=专家评分 file=review dated=no
        field kind=review id=alliance type=alliance required=yes
        field kind=review id=stage type=enum(initial,cross,recheck) required=yes
        field kind=review id=note type=text
        kind id=owed title="待评（vault review assign 生成，专家改为 review 并评分）" file=review dated=no
        field kind=owed id=alliance type=alliance required=yes
        field kind=owed id=stage type=enum(initial,cross,recheck) required=yes

        # vault/alliances/ID/PERIOD.txt
        kind id=published title=公布结果 file=records dated=no
        field kind=published id=status type=enum(evaluated,incomplete,no-data) required=yes
        field kind=published id=score type=decimal title=评分
        field kind=published id=band type=band title=等级
        field kind=published id=seq type=int title=序号
        field kind=published id=code type=text title=所印编号
        field kind=published id=name type=text title=所印名称
        field kind=published id=source type=text required=yes
        kind id=designation title=公布的称号 file=records dated=no
        field kind=designation id=award type=text required=yes
        field kind=designation id=seq type=int
        field kind=designation id=code type=text
        field kind=designation id=name type=text
        field kind=designation id=source type=text required=yes
        kind id=participation title=参评状态 file=records unique=yes dated=no
        field kind=participation id=status type=enum(open,entered,incomplete,no-data,evaluated) required=yes
        field kind=participation id=group type=text title=评价小组
        field kind=participation id=note type=text
        kind id=result title="评价结果（vault score --write 生成）" file=records unique=yes dated=no
        field kind=result id=status type=enum(open,entered,evaluated,incomplete,no-data,unknown) required=yes
        field kind=result id=score type=decimal
        field kind=result id=band type=band
        field kind=result id=rank type=int

        """

    public static let schema: Schema = {
        let parsed = LineParser.parse(SourceText(path: "<core>", text: text))
        let (file, bindProblems) = Binder.bind(parsed, table: MetaSchema.table, bands: [], place: .schema)
        let (schema, problems) = SchemaBuilder.build(id: "core", file: file)
        precondition(parsed.diagnostics.isEmpty && bindProblems.isEmpty && problems.isEmpty,
                     "the built-in core schema must be valid: \(parsed.diagnostics + bindProblems + problems)")
        return schema
    }()

    /// The core kinds that may appear in files of `role`.
    public static func kinds(for role: FileRole) -> [KindSpec] {
        schema.kinds.filter { $0.role == role }
    }
}
