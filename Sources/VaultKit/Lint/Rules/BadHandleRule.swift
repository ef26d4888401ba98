/// A maintainer, expert or secretariat handle that is not a code-host owner.
/// Handles become CODEOWNERS lines, so one holding a space or a newline would add
/// owners or whole ownership lines (the period files', say); lint names it before
/// `vault codeowners` refuses it.
public enum BadHandleRule: VaultRule {
    public static let description = RuleDescription(
        id: "bad-handle",
        summary: "a maintainer, expert or secretariat handle is not @user, @org/team or an e-mail address",
        rationale: "handles are written into CODEOWNERS, which decides whose approval a change needs; a handle holding a space or a newline would add owners or whole ownership lines, so `vault codeowners` refuses it and lint names it first",
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

    static func message(_ kind: String, _ handle: String) -> String {
        "\(kind) handle \"\(handle)\" is not a CODEOWNERS owner (@user, @org/team or an e-mail address)"
    }

    static let hint = "write one code-host account, such as handle=@zhang; give each further owner a line of its own"

    public static func check(_ vault: Vault) -> [Diagnostic] {
        Owners.handles(in: vault).compactMap { file, record, handle, kind in
            Escape.isCodeownersOwner(handle) ? nil
                : file.site(record).diagnostic(description, at: file.offset(of: "handle", in: record),
                                               message(kind, handle), hint: hint)
        }
    }
}
