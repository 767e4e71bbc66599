import DocketModel
public enum DocketStorePlaceholder { static let migrations = EmbeddedMigrations.files }
