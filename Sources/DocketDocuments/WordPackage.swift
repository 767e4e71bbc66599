import Foundation
@preconcurrency import ZIPFoundation

/// The XML parts of a Word document rendered from templates.
public struct WordParts: Sendable, Hashable {
    /// `word/document.xml`.
    public var document: String
    /// `word/numbering.xml`: the list definitions the document's bulleted and numbered lists use.
    public var numbering: String = WordNumbering().part
    /// `word/styles.xml`: the named styles.
    public var styles: String
    /// `word/footer1.xml`: page numbers.
    public var footer: String
    /// The document's title, for `docProps/core.xml`.
    public var title: String
    /// "nb-NO".
    public var languageTag: String
    /// The letterhead's logo (PNG), `word/media/logo.png`, which the document's drawing refers to as `rIdLogo`.
    public var logo: Data?

    /// The DOCX file: these parts with the package's content types, relationships and core properties, zipped.
    public func makePackage() throws -> Data {
        try WordPackage.make(parts: self)
    }
}

/// Packs WordprocessingML parts into a DOCX (an Open Packaging Conventions ZIP).
enum WordPackage {
    /// Every entry is dated 1 January 2000 so the same papers give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// The placeholder a hyperlink's `r:id` starts with, followed by its escaped address, until the package numbers it.
    static let linkMarker = "rIdLink:"

    /// The document with each hyperlink's placeholder id made `rIdLink1`, `rIdLink2`, … (one per
    /// address), and those relationships' ids and escaped targets. Text cannot forge a placeholder:
    /// its quotes are escaped.
    static func numberingHyperlinks(_ document: String) -> (document: String, links: [(id: String, target: String)]) {
        let marker = "r:id=\"" + linkMarker
        guard document.contains(marker) else { return (document, []) }
        var pieces = document.components(separatedBy: marker)
        var output = pieces.removeFirst()
        var ids: [String: String] = [:]
        var links: [(id: String, target: String)] = []
        for piece in pieces {
            guard let end = piece.firstIndex(of: "\"") else {
                output += marker + piece
                continue
            }
            let target = String(piece[..<end])
            let id = ids[target] ?? "rIdLink\(links.count + 1)"
            if ids[target] == nil {
                ids[target] = id
                links.append((id, target))
            }
            output += "r:id=\"" + id + piece[end...]
        }
        return (output, links)
    }

    static func make(parts: WordParts) throws -> Data {
        let (document, links) = numberingHyperlinks(parts.document)
        let logoExtension = parts.logo.map { Letterhead.isJPEG($0) ? "jpeg" : "png" }
        var entries: [(String, Data)] = ([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(title: parts.title, language: parts.languageTag)),
            ("word/document.xml", document),
            ("word/styles.xml", parts.styles),
            ("word/numbering.xml", parts.numbering),
            ("word/footer1.xml", parts.footer),
            ("word/_rels/document.xml.rels", documentRelationships(logoExtension: logoExtension, links: links)),
        ] as [(String, String)]).map { ($0.0, Data($0.1.utf8)) }
        if let logo = parts.logo, let logoExtension { entries.append(("word/media/logo.\(logoExtension)", logo)) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in entries {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return data.subdata(in: start..<min(start + size, data.count))
                    })
            }
            guard let bytes = archive.data else { throw DocumentError.packaging(reason: "the archive has no data") }
            return bytes
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.packaging(reason: String(describing: error))
        }
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Default Extension="jpeg" ContentType="image/jpeg"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static func documentRelationships(logoExtension: String?, links: [(id: String, target: String)] = []) -> String {
        var logo = logoExtension.map {
            #"<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo."# + $0 + #""/>"#
        } ?? ""
        for link in links {
            logo += #"<Relationship Id=""# + link.id + #"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target=""#
                + link.target + #"" TargetMode="External"/>"#
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        \(logo)</Relationships>
        """
    }

    static func coreProperties(title: String, language: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(Escaping.xml(title))</dc:title><dc:creator>Docket</dc:creator><dc:language>\(Escaping.xml(language))</dc:language>\
        </cp:coreProperties>
        """
    }
}
