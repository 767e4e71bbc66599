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

/// Enumerations are written on the command line with hyphens: `--role union-representative`.
protocol HyphenatedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension HyphenatedArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_"))
    }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
    var argumentName: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

extension Role: HyphenatedArgument {}
extension ItemKind: HyphenatedArgument {}
extension Section: HyphenatedArgument {}
extension MeetingKind: HyphenatedArgument {}
extension Outcome: HyphenatedArgument {}
extension BodyKind: HyphenatedArgument {}
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
