/// A schema with errors. Records of periods that use it are not checked against
/// it (only for syntax), so one mistake in a schema does not flood the output.
public enum SchemaRule: Rule {
    public static let description = RuleDescription(
        id: "schema",
        summary: "a schema file has an error",
        rationale: "records are checked against their period's schema; a broken schema is reported plainly and first, instead of as thousands of follow-on errors in records",
        summaryZH: "指标体系文件有错误",
        rationaleZH: "记录要按所属评价期的指标体系检查；指标体系本身有错，就先直接报告它，而不是在记录中报出成千上万个连带错误",
        severity: .error,
        triggering: [
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 max=10
                indicator id=1.1 group=1 title=理事会会议 max=10
                kind id=meeting title=会议
                field kind=meeting id=type ↓type=enumeration(council) required=yes

                """),
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 max=10
                indicator id=1.1 ↓group=2 title=理事会会议 max=10
                kind id=meeting
                field kind=meeting id=type type=enum(council,secretariat) required=yes
                field kind=meeting id=title type=text required=yes

                """),
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 ↓max=12
                indicator id=1.1 group=1 title=理事会会议 max=10
                kind id=meeting
                field kind=meeting id=type type=enum(council,secretariat) required=yes
                field kind=meeting id=title type=text required=yes

                """),
        ],
        nonTriggering: [
            RuleExample([:]),
        ])

    // Said by `SchemaBuilder`, and by the loader of a period whose schema is broken.
    static let band = MessageTemplate("schema.entry.band", en: "band", zh: "档次")
    static let group = MessageTemplate("schema.entry.group", en: "group", zh: "一级指标")
    static let indicator = MessageTemplate("schema.entry.indicator", en: "indicator", zh: "二级指标")
    static let award = MessageTemplate("schema.entry.award", en: "award", zh: "称号")
    static let kind = MessageTemplate("schema.entry.kind", en: "kind", zh: "记录类型")
    static let field = MessageTemplate("schema.entry.field", en: "field", zh: "字段")
    static let named = MessageTemplate("schema.entry.named", en: "{entry} \"{id}\"", zh: "{entry}“{id}”")
    static let pointsRange = MessageTemplate("schema.points-range", en: "{what} has {field}={value}, outside 0…{max}", zh: "{what}的 {field}={value} 超出了 0…{max}")
    static let pointsRangeHint = MessageTemplate("schema.points-range.hint", en: "points are never negative and at most the schema's total", zh: "分值不能为负，也不能超过指标体系的总分")
    static let pointsFine = MessageTemplate("schema.points-hundredths", en: "{what} has {field}={value}, finer than hundredths", zh: "{what}的 {field}={value} 精度超过了百分位")
    static let pointsFineHint = MessageTemplate("schema.points-hundredths.hint", en: "points are kept to hundredths: write at most two decimals", zh: "分值保留到百分位：最多写两位小数")
    static let declaredTwice = MessageTemplate("schema.declared-twice", en: "{what} \"{id}\" is declared twice", zh: "{what}“{id}”声明了两次")
    static let declaredTwiceHint = MessageTemplate("schema.declared-twice.hint", en: "give each {what} its own id, or remove the second", zh: "请给每个{what}一个不同的 id，或删去第二个")
    static let totalRange = MessageTemplate("schema.total-range", en: "total={total} is outside 0…{max}", zh: "total={total} 超出了 0…{max}")
    static let totalRangeHint = MessageTemplate("schema.total-range.hint", en: "a schema's total is its maximum score, e.g. total=100", zh: "total 是指标体系的满分，例如 total=100")
    static let undeclaredGroup = MessageTemplate("schema.indicator-group", en: "indicator \"{id}\" names group \"{group}\", which is not declared above it", zh: "二级指标“{id}”所属的一级指标“{group}”没有在它之前声明")
    static let undeclaredGroupHint = MessageTemplate("schema.indicator-group.hint", en: "declare \"group id={group} …\" before its indicators", zh: "请在这些二级指标之前声明 group id={group} …")
    static let reviewFieldID = MessageTemplate("schema.indicator-id-review-field", en: "indicator id \"{id}\" is a field every review line has ({fields})", zh: "二级指标 id“{id}”与评审行固有的字段重名（{fields}）")
    static let notAKey = MessageTemplate("schema.indicator-id-key", en: "indicator id \"{id}\" cannot be written as a key of a review line (letters, digits, \"_\", \"-\", \".\")", zh: "二级指标 id“{id}”不能用作评审行的字段名（只能用字母、数字和 _ - .）")
    static let indicatorIDHint = MessageTemplate("schema.indicator-id.hint", en: "number indicators like their group, e.g. id={group}.1", zh: "请按所属一级指标给二级指标编号，例如 id={group}.1")
    static let consecutive = MessageTemplate("schema.award-consecutive", en: "award \"{id}\" has consecutive={consecutive}: the band must be held in 1…{max} periods", zh: "称号“{id}”的 consecutive={consecutive} 不对：需连续保持该档次的评价期数应在 1…{max} 之间")
    static let consecutiveHint = MessageTemplate("schema.award-consecutive.hint", en: "consecutive counts evaluation periods, e.g. consecutive=3", zh: "consecutive 是连续的评价期个数，例如 consecutive=3")
    static let kindName = MessageTemplate("schema.kind-name", en: "kind name \"{id}\" is not lower-case letters, digits and \"-\"", zh: "记录类型名“{id}”只能由小写字母、数字和 - 组成")
    static let kindNameHint = MessageTemplate("schema.kind-name.hint", en: "name kinds like \"meeting\" or \"ip-sharing\"", zh: "记录类型请这样命名：meeting、ip-sharing")
    static let undeclaredKind = MessageTemplate("schema.field-kind", en: "field \"{id}\" belongs to kind \"{kind}\", which is not declared above it", zh: "字段“{id}”所属的记录类型“{kind}”没有在它之前声明")
    static let undeclaredKindHint = MessageTemplate("schema.field-kind.hint", en: "declare \"kind id={kind}\" before its fields", zh: "请在这些字段之前声明 kind id={kind}")
    static let fieldName = MessageTemplate("schema.field-name", en: "field name \"{id}\" may hold only letters, digits, \"_\", \"-\" and \".\"", zh: "字段名“{id}”只能由字母、数字和 _ - . 组成")
    static let fieldNameHint = MessageTemplate("schema.field-name.hint", en: "rename the field, e.g. \"attendees\"", zh: "请给字段改名，例如 attendees")
    static let fieldType = MessageTemplate("schema.field-type", en: "unknown field type \"{type}\"", zh: "没有“{type}”这种字段类型")
    static let fieldTypeHint = MessageTemplate("schema.field-type.hint", en: "types are {types}", zh: "可用的类型：{types}")
    static let noEvidence = MessageTemplate("schema.rubric-evidence", en: "indicator \"{id}\" has a rubric but no evidence", zh: "二级指标“{id}”有评分细则（rubric），但没有写明依据（from）")
    static let noEvidenceHint = MessageTemplate("schema.rubric-evidence.hint", en: "add from=KIND or from=KIND[FIELD=VALUE]", zh: "请加上 from=KIND 或 from=KIND[FIELD=VALUE]")
    static let selector = MessageTemplate("schema.selector", en: "\"{part}\" is not KIND or KIND[FIELD=VALUE]", zh: "“{part}”不是 KIND 或 KIND[FIELD=VALUE] 的形式")
    static let selectorHint = MessageTemplate("schema.selector.hint", en: "e.g. from=project[type=self-funded]", zh: "例如 from=project[type=self-funded]")
    static let evidenceKind = MessageTemplate("schema.evidence-kind", en: "evidence kind \"{kind}\" is not declared", zh: "依据的记录类型“{kind}”没有声明")
    static let evidenceKindHint = MessageTemplate("schema.evidence-kind.hint", en: "declare \"kind id={kind}\" in this schema", zh: "请在本指标体系中声明 kind id={kind}")
    static let noSuchField = MessageTemplate("schema.evidence-field", en: "kind \"{kind}\" has no field \"{field}\"", zh: "记录类型“{kind}”没有字段“{field}”")
    static let noSuchFieldHint = MessageTemplate("schema.evidence-field.hint", en: "fields of {kind}: {fields}", zh: "{kind} 的字段：{fields}")
    static let notACase = MessageTemplate("schema.evidence-value", en: "\"{value}\" is not a value of {kind}.{field}", zh: "“{value}”不是 {kind}.{field} 的取值")
    static let notACaseHint = MessageTemplate("schema.evidence-value.hint", en: "values: {values}", zh: "可用的取值：{values}")
    static let sumField = MessageTemplate("schema.sum-field", en: "a sum rubric needs field=FIELD", zh: "求和（sum）细则需要 field=FIELD")
    static let sumFieldHint = MessageTemplate("schema.sum-field.hint", en: "e.g. rubric=sum field=funding", zh: "例如 rubric=sum field=funding")
    static let sumType = MessageTemplate("schema.sum-type", en: "field \"{field}\" must be an int or money field of every evidence kind", zh: "字段“{field}”必须是每种依据记录类型中的整数（int）或金额（money）字段")
    static let sumTypeHint = MessageTemplate("schema.sum-type.hint", en: "sum a whole-number or money field, e.g. field=funding", zh: "请对整数或金额字段求和，例如 field=funding")
    static let tierForm = MessageTemplate("schema.tier", en: "tier \"{tier}\" is not THRESHOLD:POINTS in ascending order", zh: "分档“{tier}”不是按升序排列的 THRESHOLD:POINTS")
    static let moneyTiersHint = MessageTemplate("schema.tier.hint-money", en: "e.g. tiers=100万元:2,1000万元:4", zh: "例如 tiers=100万元:2,1000万元:4")
    static let countTiersHint = MessageTemplate("schema.tier.hint", en: "e.g. tiers=1:3,2:5,3:6", zh: "例如 tiers=1:3,2:5,3:6")
    static let tierOverMax = MessageTemplate("schema.tier-max", en: "tier \"{tier}\" gives more than the indicator's max={max}", zh: "分档“{tier}”给的分超过了该指标的 max={max}")
    static let tierOverMaxHint = MessageTemplate("schema.tier-max.hint", en: "lower the tier's points, or raise max", zh: "请降低该档的分值，或提高 max")
    static let tierPoints = MessageTemplate("schema.tier-points", en: "tier \"{tier}\" gives {points} points: tier points lie in 0…max, in hundredths", zh: "分档“{tier}”给 {points} 分：分档的分值应在 0…max 之间，最多保留到百分位")
    static let tierPointsHint = MessageTemplate("schema.tier-points.hint", en: "write the tier's points as 0 to {max} with at most two decimals", zh: "请把该档分值写成 0 到 {max} 之间、最多两位小数的数")
    static let tiersNeeded = MessageTemplate("schema.tiers-needed", en: "a {rubric} rubric needs tiers", zh: "{rubric} 细则需要分档（tiers）")
    static let tiersNeededHint = MessageTemplate("schema.tiers-needed.hint", en: "e.g. tiers=1:3,2:5", zh: "例如 tiers=1:3,2:5")
    static let awardBand = MessageTemplate("schema.award-band", en: "award \"{id}\" names band \"{band}\", which is not declared", zh: "称号“{id}”指向的档次“{band}”没有声明")
    static let awardBandHint = MessageTemplate("schema.award-band.hint", en: "bands: {bands}", zh: "已声明的档次：{bands}")
    static let empty = MessageTemplate("schema.empty", en: "schema file \"{path}\" declares nothing", zh: "指标体系文件“{path}”中什么也没有声明")
    static let emptyHint = MessageTemplate("schema.empty.hint", en: "start it with: schema title=\"…\" total=100", zh: "请以这样一行开头：schema title=\"…\" total=100")
    static let noSchemaLine = MessageTemplate("schema.no-schema-line", en: "schema file has no \"schema\" line", zh: "指标体系文件中没有 schema 行")
    static let noSchemaLineHint = MessageTemplate("schema.no-schema-line.hint", en: "add: schema title=\"…\" total=100", zh: "请加上：schema title=\"…\" total=100")
    static let groupSum = MessageTemplate("schema.group-sum", en: "group \"{id}\" has max={max} but its indicators add up to {sum}", zh: "一级指标“{id}”的 max={max}，但其二级指标合计为 {sum}")
    static let groupSumHint = MessageTemplate("schema.group-sum.hint", en: "make the indicators' max values add up to the group's max", zh: "请让二级指标的 max 之和等于一级指标的 max")
    static let totalSum = MessageTemplate("schema.total-sum", en: "schema total={total} but its groups add up to {sum}", zh: "指标体系 total={total}，但一级指标合计为 {sum}")
    static let totalSumHint = MessageTemplate("schema.total-sum.hint", en: "make the groups' max values add up to the total", zh: "请让一级指标的 max 之和等于 total")
    static let broken = MessageTemplate("schema.broken", en: "schema \"{schema}\" has errors, so the records of period {period} are checked for syntax only and the period cannot be scored", zh: "指标体系“{schema}”有错误，评价期 {period} 的记录只检查写法，这个评价期也无法计分")
    static let brokenFirst = MessageTemplate("schema.broken-first", en: "schema \"{schema}\" has errors, so the records of period {period} are checked for syntax only and the period cannot be scored; first: {location}: {first}", zh: "指标体系“{schema}”有错误，评价期 {period} 的记录只检查写法，这个评价期也无法计分；第一处错误：{location}：{first}")
    static let brokenHint = MessageTemplate("schema.broken.hint", en: "mend the errors reported in schemas/{schema}.txt", zh: "请先改正 schemas/{schema}.txt 中报告的错误")

    public static let messages = [
        band, group, indicator, award, kind, field,
        named, pointsRange, pointsRangeHint, pointsFine, pointsFineHint, declaredTwice,
        declaredTwiceHint, totalRange, totalRangeHint, undeclaredGroup, undeclaredGroupHint, reviewFieldID,
        notAKey, indicatorIDHint, consecutive, consecutiveHint, kindName, kindNameHint,
        undeclaredKind, undeclaredKindHint, fieldName, fieldNameHint, fieldType, fieldTypeHint,
        noEvidence, noEvidenceHint, selector, selectorHint, evidenceKind, evidenceKindHint,
        noSuchField, noSuchFieldHint, notACase, notACaseHint, sumField, sumFieldHint,
        sumType, sumTypeHint, tierForm, moneyTiersHint, countTiersHint, tierOverMax,
        tierOverMaxHint, tierPoints, tierPointsHint, tiersNeeded, tiersNeededHint, awardBand,
        awardBandHint, empty, emptyHint, noSchemaLine, noSchemaLineHint, groupSum,
        groupSumHint, totalSum, totalSumHint, broken, brokenFirst, brokenHint,
    ]
}
