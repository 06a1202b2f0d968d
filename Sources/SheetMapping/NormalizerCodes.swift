import EraDates
import GyoseiModel
import ListMarkers
import Quantities

// The normalizers import nothing but the standard library, so each has codes of its own;
// these say which registered code each one is. A switch, so that a new normalizer code does
// not compile until it is registered.

extension DiagnosticCode {
  /// The registered code of a list-marker finding.
  public init(_ code: MarkerFinding.Code) {
    switch code {
    case .ocrRepaired: self = .markerOCRRepaired
    case .duplicate: self = .markerDuplicate
    case .skipped: self = .markerSkipped
    case .outOfOrder: self = .markerOutOfOrder
    case .zeroAsBullet: self = .markerZeroAsBullet
    }
  }

  /// The registered code of a date warning.
  public init(_ code: DateWarning.Code) {
    switch code {
    case .pastEnd: self = .eraPastEnd
    case .beforeStart: self = .eraBeforeStart
    case .invalid: self = .dateInvalid
    case .needsFiscalYear: self = .dateNeedsFiscalYear
    }
  }

  /// The registered code of a quantity warning.
  public init(_ code: QuantityWarning.Code) {
    switch code {
    case .splitSeparator: self = .quantitySplitSeparator
    case .unknownUnit: self = .quantityUnknownUnit
    case .outOfRange: self = .quantityOutOfRange
    }
  }
}
