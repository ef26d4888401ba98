import VaultKit

/// The usage errors the registry and the global options say. A message with a
/// "did you mean" is a second template, not a suffix: the two languages put the
/// guess in different places and with different punctuation.
enum UsageMessages {
    static let unknownOption = MessageTemplate(
        "cli.unknown-option", en: "unknown option {option}", zh: "没有选项 {option}")
    static let unknownOptionGuess = MessageTemplate(
        "cli.unknown-option.guess", en: "unknown option {option}; did you mean {guess}?",
        zh: "没有选项 {option}，是不是要用 {guess}？")
    static let missingCommand = MessageTemplate("cli.missing-command", en: "missing command", zh: "缺少命令")
    static let missingArgument = MessageTemplate(
        "cli.missing-argument", en: "missing argument {argument}", zh: "缺少参数 {argument}")
    static let needsValue = MessageTemplate(
        "cli.option-needs-value", en: "option {option} needs a value", zh: "选项 {option} 需要一个取值")
    static let needsChoice = MessageTemplate(
        "cli.option-needs-value.choices", en: "option {option} needs a value ({choices})",
        zh: "选项 {option} 需要一个取值（{choices}）")
    static let needsDirectory = MessageTemplate(
        "cli.option-needs-directory", en: "option -C needs a directory", zh: "选项 -C 需要一个目录")
    static let notAChoice = MessageTemplate(
        "cli.option-choice", en: "{option} takes {choices}, not \"{value}\"",
        zh: "{option} 只接受 {choices}，不接受“{value}”")
    static let notAChoiceGuess = MessageTemplate(
        "cli.option-choice.guess", en: "{option} takes {choices}, not \"{value}\"; did you mean \"{guess}\"?",
        zh: "{option} 只接受 {choices}，不接受“{value}”，是不是要写“{guess}”？")
    static let unexpectedArgument = MessageTemplate(
        "cli.unexpected-argument", en: "unexpected argument \"{argument}\"", zh: "多余的参数“{argument}”")
    static let notAnArgumentChoice = MessageTemplate(
        "cli.argument-choice", en: "{argument} is one of {choices}, not \"{value}\"",
        zh: "{argument} 只能是 {choices}，不能是“{value}”")
    static let notAnArgumentChoiceGuess = MessageTemplate(
        "cli.argument-choice.guess", en: "{argument} is one of {choices}, not \"{value}\"; did you mean \"{guess}\"?",
        zh: "{argument} 只能是 {choices}，不能是“{value}”，是不是要写“{guess}”？")
    static let needsSubcommand = MessageTemplate(
        "cli.needs-subcommand", en: "vault {group} needs a subcommand: {subcommands}",
        zh: "vault {group} 后面要跟子命令：{subcommands}")
    static let unknownCommand = MessageTemplate(
        "cli.unknown-command", en: "unknown command \"{command}\"", zh: "没有命令“{command}”")
    static let unknownCommandGuess = MessageTemplate(
        "cli.unknown-command.guess", en: "unknown command \"{command}\"; did you mean \"{guess}\"?",
        zh: "没有命令“{command}”，是不是要用“{guess}”？")
    static let whichPeriod = MessageTemplate(
        "cli.which-period", en: "which period? (periods: {periods})", zh: "哪个评价期？（现有评价期：{periods}）")
    static let whichPeriodNone = MessageTemplate(
        "cli.which-period.none", en: "which period? (periods: none in vault/periods/)",
        zh: "哪个评价期？（vault/periods/ 中还没有评价期）")
    static let lostOutput = MessageTemplate(
        "cli.lost-output", en: "cannot write standard output: {reason}; the output is incomplete",
        zh: "无法写入标准输出：{reason}；输出不完整")
    static let nothingWritten = MessageTemplate("cli.lost-output.nothing", en: "nothing was written", zh: "一个字节也没有写入")

    /// The unknown-option message, with the closest of `known` when one is close.
    static func unknown(option: String, among known: [String]) -> Message {
        guard let guess = Suggest.closest(to: option, in: known) else { return unknownOption(["option": .text(option)]) }
        return unknownOptionGuess(["option": .text(option), "guess": .text(guess)])
    }

    /// "OPTION takes A, B, not "VALUE"", with the closest choice when one is close.
    static func notAmong(_ choices: [String], option: String, value: String) -> Message {
        let arguments: KeyValuePairs<String, MessageArgument> = ["option": .text(option), "choices": .list(choices), "value": .text(value)]
        guard let guess = Suggest.closest(to: value, in: choices) else { return notAChoice(arguments) }
        return notAChoiceGuess(["option": .text(option), "choices": .list(choices), "value": .text(value), "guess": .text(guess)])
    }

    static let all = [
        unknownOption, unknownOptionGuess, missingCommand, missingArgument, needsValue, needsChoice, needsDirectory,
        notAChoice, notAChoiceGuess, unexpectedArgument, notAnArgumentChoice, notAnArgumentChoiceGuess, needsSubcommand,
        unknownCommand, unknownCommandGuess, whichPeriod, whichPeriodNone, lostOutput, nothingWritten,
    ]
}
