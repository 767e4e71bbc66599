import ArgumentParser
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
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("the \(name) on standard input is not UTF-8 text")
            }
            return text.trimmingCharacters(in: .newlines)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the \(name) file '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("'\(path)' is not UTF-8 text")
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
