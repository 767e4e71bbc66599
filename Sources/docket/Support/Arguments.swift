import ArgumentParser
import DocketInterchange
import DocketModel
import Foundation

// Model values read from the command line, with messages that say what would be right.

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension TimeOfDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Series: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Enumerations are written on the command line with hyphens: `--role union-representative`, or
/// in the Norwegian the papers print: `--role leder`, `--kind orientering`, `--outcome utsatt`.
protocol HyphenatedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {
    /// The Norwegian words a secretary may write for this value, in lower case with spaces.
    var norwegianWords: [String] { get }
}

extension HyphenatedArgument {
    var norwegianWords: [String] { [] }

    public init?(argument: String) {
        if let value = Self(rawValue: argument.replacingOccurrences(of: "-", with: "_")) {
            self = value
            return
        }
        let spoken = argument.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .trimmingCharacters(in: .whitespaces)
        guard !spoken.isEmpty, let value = Self.allCases.first(where: { $0.norwegianWords.contains(spoken) }) else { return nil }
        self = value
    }
    /// The English names, then each value's first Norwegian word, as help and completion show them.
    public static var allValueStrings: [String] {
        let english = allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }
        let norwegian = allCases.compactMap { $0.norwegianWords.first?.replacingOccurrences(of: " ", with: "-") }
        return english + norwegian.filter { !english.contains($0) }
    }
    var argumentName: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

extension Role: HyphenatedArgument {
    var norwegianWords: [String] {
        var words = [norwegian]
        switch self {
        case .chair: words += ["møteleder", "styreleder", "ordfører"]
        case .deputyChair: words += ["nestleiar", "varaordfører"]
        case .deputy: words += ["vara", "varamann", "varamedlemmer"]
        case .adviser: words += ["radgiver", "rådgjevar"]
        case .unionRepresentative: words += ["tillitsvald", "hovedtillitsvalgt"]
        case .observer: words += ["observator"]
        case .secretary: words += ["sekretær", "sekretar", "referent"]
        case .member: words += ["medlemmer"]
        }
        if self == .chair { words.append("leiar") }
        return words
    }
}
extension ItemKind: HyphenatedArgument {
    var norwegianWords: [String] {
        // ItemKind(label:) holds the words; each value answers to the ones that read as it.
        ["beslutning", "beslutningssak", "vedtak", "vedtakssak", "avgjerd", "avgjerdssak", "orientering", "orienteringssak",
         "informasjon", "diskusjon", "diskusjonssak", "drøfting", "drøftingssak"].filter { ItemKind(label: $0) == self }
    }
}
extension Section: HyphenatedArgument {
    var norwegianWords: [String] {
        switch self {
        case .standing: ["faste saker", "fast sak", "faste"]
        case .forConsideration: ["saker til behandling", "til behandling", "behandling"]
        }
    }
}
extension MeetingKind: HyphenatedArgument {
    var norwegianWords: [String] {
        switch self {
        case .ordinary: ["ordinært", "ordinær", "ordinert"]
        case .extraordinary: ["ekstraordinært", "ekstraordinær"]
        case .circulation: ["e-postmøte", "e postmøte", "epostmøte", "sirkulasjon", "fjernmøte"]
        }
    }
}
extension Outcome: HyphenatedArgument {
    var norwegianWords: [String] {
        var words = [norwegian]
        switch self {
        case .adopted: words += ["vedteke", "vedtak", "godkjent"]
        case .amended: words += ["endret", "vedteke med endringar"]
        case .rejected: words += ["falt", "forkastet", "nedstemt"]
        case .postponed: words += ["utsett"]
        case .withdrawn: words += ["trekt"]
        case .referred: words += ["oversend", "sendt videre"]
        case .noted: words += ["orientering", "til orientering", "tatt til etterretning", "teke til orientering"]
        }
        return words
    }
}
extension BodyKind: HyphenatedArgument {
    var norwegianWords: [String] { [norwegian, norwegianDefinite] + (self == .council ? ["kommunestyre", "fylkesting", "bystyre"] : []) }
}
extension OrganisationKind: HyphenatedArgument {}

/// A long text given inline (`--text`) or from a file (`--text-file PATH`, `-` for stdin).
func longText(inline: String?, file: String?, name: String) throws -> String? {
    switch (inline, file) {
    case let (text?, nil):
        return text
    case let (nil, path?):
        let source = path == "-" ? "the \(name) on standard input" : "'\(path)'"
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try InputFile.contents(atPath: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(source) is not UTF-8 text")
        }
        // The store keeps texts as C strings would: a NUL byte would silently cut the text there.
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ValidationError("\(source) holds a NUL byte (line \(line), byte \(nul - data.startIndex + 1)); "
                                  + "a text holds none. Is it a binary file? Nothing was stored")
        }
        return text.trimmingCharacters(in: .newlines)
    case (nil, nil):
        return nil
    case (.some, .some):
        throw ValidationError("give the \(name) either inline or as a file, not both")
    }
}

extension String {
    /// Enumerations' raw values as people read them: `minutes_approved` → `minutes approved`.
    var spaced: String { replacingOccurrences(of: "_", with: " ") }
}

// References are parsed once, here at the edge: a malformed one is a usage error that says what a
// right one looks like, and the commands hand the store parsed values.

extension ItemReference {
    /// `@Argument(transform: ItemReference.argument)`: `styringsgruppen 8/19`.
    static func argument(_ text: String) throws -> ItemReference { try ItemReference(parsing: text) }
}

extension MeetingReference {
    /// `@Argument(transform: MeetingReference.argument)`: `styringsgruppen@2019-02-13`.
    static func argument(_ text: String) throws -> MeetingReference { try MeetingReference(parsing: text) }
}
