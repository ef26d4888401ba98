/// A maintainer, expert or secretariat handle that is not a code-host owner.
/// Handles become CODEOWNERS lines, so one holding a space or a newline would add
/// owners or whole ownership lines (the period files', say); lint names it before
/// `vault codeowners` refuses it.
public enum BadHandleRule: VaultRule {
    public static let description = RuleDescription(
        id: "bad-handle",
        summary: "a maintainer, expert or secretariat handle is not @user, @org/team or an e-mail address",
        rationale: "handles are written into CODEOWNERS, which decides whose approval a change needs; a handle holding a space or a newline would add owners or whole ownership lines, so `vault codeowners` refuses it and lint names it first",
        summaryZH: "维护人、专家或秘书处的账号不是 @用户、@组织/团队 或电子邮件地址",
        rationaleZH: "账号会写入 CODEOWNERS，由它决定一项改动需要谁批准；含空格或换行的账号会多出审批人甚至整行归属规则，因此 `vault codeowners` 拒绝写入，lint 先把它指出来",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/alliance.txt",
                        "alliance code=110 batch=1 name=\"示例产业技术创新战略联盟\" short=示例\nmaintainer ↓handle=\"@zhang\\n/vault/periods/ @li\"\n"),
            RuleExample("vault/periods/2023.txt",
                        "period start=2023-01-01 end=2023-12-31 schema=test roster=2\nsecretariat ↓handle=\"@vault-secretariat @li\"\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/alliance.txt",
                        "alliance code=110 batch=1 name=\"示例产业技术创新战略联盟\" short=示例\nmaintainer handle=@zhang name=张\nmaintainer handle=@org/maintainers\nmaintainer handle=li@example.org\n"),
        ])

    /// `kind`: whose handle it is, as `Owners.handles` names it (secretariat, expert, maintainer).
    static func message(_ kind: String, _ handle: String) -> Message {
        let role: Message = switch kind {
        case "secretariat": secretariat()
        case "expert": expert()
        default: maintainer()
        }
        return notAnOwner(["role": .message(role), "handle": .text(handle)])
    }

    static let notAnOwner = MessageTemplate(
        "bad-handle.handle", en: "{role} handle \"{handle}\" is not a CODEOWNERS owner (@user, @org/team or an e-mail address)",
        zh: "{role}账号“{handle}”不是 CODEOWNERS 可用的审批人（@用户、@组织/团队 或电子邮件地址）")
    static let oneAccount = MessageTemplate(
        "bad-handle.handle.hint", en: "write one code-host account, such as handle=@zhang; give each further owner a line of its own",
        zh: "只写一个代码托管平台账号，例如 handle=@zhang；其他审批人各写一行")
    static let secretariat = MessageTemplate("bad-handle.role.secretariat", en: "secretariat", zh: "秘书处")
    static let expert = MessageTemplate("bad-handle.role.expert", en: "expert", zh: "专家")
    static let maintainer = MessageTemplate("bad-handle.role.maintainer", en: "maintainer", zh: "维护人")

    static var hint: Message { oneAccount() }

    public static let messages = [notAnOwner, oneAccount, secretariat, expert, maintainer]

    public static func check(_ vault: Vault) -> [Diagnostic] {
        Owners.handles(in: vault).compactMap { file, record, handle, kind in
            Escape.isCodeownersOwner(handle) ? nil
                : file.site(record).diagnostic(description, at: file.offset(of: "handle", in: record),
                                               message(kind, handle), hint: hint)
        }
    }
}
