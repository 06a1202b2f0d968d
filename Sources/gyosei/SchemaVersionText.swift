import GyoseiModel

/// The schema version, for the `--version` text.
enum SchemaVersionText {
  static let current = SchemaVersion.current
}
