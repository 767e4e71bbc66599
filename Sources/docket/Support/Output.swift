import Foundation

/// Prints values as JSON for scripts: keys sorted, so the output is stable and diffable.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    OutputFile.standardOutput.write(try encoder.encode(value))
    OutputFile.standardOutput.write("\n")
}

/// A plain text table with a header row, columns padded to their widest cell.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) {
        self.headers = headers
    }

    mutating func append(_ cells: String...) {
        rows.append(cells)
    }

    var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let single = cell.replacingOccurrences(of: "\n", with: " ")
                return index == cells.count - 1 ? single : single.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    func print() {
        OutputFile.standardOutput.write(rendered + "\n")
    }
}

/// "Key: value" lines for `show` commands; empty values are left out.
func printFields(_ fields: [(String, String?)]) {
    let width = fields.map(\.0.count).max() ?? 0
    for (key, value) in fields {
        guard let value, !value.isEmpty else { continue }
        let padded = (key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        print("\(padded) \(lines.first ?? "")")
        for more in lines.dropFirst() {
            print(String(repeating: " ", count: width + 2) + more)
        }
    }
}

/// A warning for the person at the terminal, on standard error ("warning: …"); the command still succeeds.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}
