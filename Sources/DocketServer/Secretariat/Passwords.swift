import Foundation
import HummingbirdBcrypt

/// Password hashing for the secretary's area: bcrypt (hummingbird-auth), so a stolen database
/// gives no passwords. The CLI's `docket user add` and the sign-in page both use it.
public enum Passwords {
    /// bcrypt's work factor: 2^cost rounds. 11 takes ~0.1–0.2 s here, enough to slow guessing,
    /// short enough for a person signing in.
    public static let cost: UInt8 = 11

    /// The shortest password accepted.
    public static let minimumLength = 10

    /// The bcrypt hash of `password`.
    /// - throws: `PasswordError` when it is shorter than ``minimumLength``.
    /// - Parameter cost: the work factor; lower only in tests (a hash carries its own cost, so
    ///   verifying follows whatever the hash was made with).
    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) throws -> String {
        guard password.count >= minimumLength else { throw PasswordError.tooShort(minimum: minimumLength) }
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password matches, checked when the user name is unknown so that an unknown name
    /// takes as long to refuse as a wrong password (no guessing names by timing).
    static let decoy = Bcrypt.hash("decoy password that nobody has", cost: cost)
}

public enum PasswordError: Error, CustomStringConvertible, Equatable {
    case tooShort(minimum: Int)

    public var description: String {
        switch self {
        case let .tooShort(minimum): "the password is too short; give at least \(minimum) characters"
        }
    }
}
