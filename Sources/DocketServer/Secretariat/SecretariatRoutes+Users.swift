import DocketStore
import Hummingbird

/// Users (the admin's: SessionMiddleware refuses others' posts here) and the audit log.
extension SecretariatRoutes {
    func addUserRoutes(to group: Group) {
        group.get("brukere") { request, context in try await views(request).users(context) }
        group.get("logg") { request, context in try await views(request).auditLog(context) }

        form(group, "brukere", key: "ny-bruker", action: "bruker lagt til", page: { _ in .users }) { form, _ in
            let name = form["name"] ?? ""
            let password = form.fields.first { $0.name == "password" }?.value ?? ""
            guard let role = form["role"].flatMap(UserRole.init(rawValue:)) else {
                throw FormProblem(form: "ny-bruker", message: form.say("Velg en rolle.", nn: "Vel ei rolle.", en: "Choose a role."), values: form.values, field: "role")
            }
            let hash: String
            do { hash = try Passwords.hash(password) } catch {
                throw FormProblem(form: "ny-bruker", message: form.say("Passordet må ha minst \(Passwords.minimumLength) tegn.", nn: "Passordet må ha minst \(Passwords.minimumLength) teikn.", en: "The password needs at least \(Passwords.minimumLength) characters."), values: form.values, field: "password")
            }
            return Write(detail: "\(name) (\(role.rawValue))") { store in
                _ = try store.addUser(name: name, role: role, passwordHash: hash, at: SessionCookie.now)
            }
        }

        form(group, "brukere/fjern", key: "brukere", action: "bruker fjernet", page: { _ in .users }) { form, _ in
            let name = form["name"] ?? ""
            return Write(detail: name) { store in _ = try store.removeUser(named: name) }
        }
    }
}
