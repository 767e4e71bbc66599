import DocketModel

extension TimeOfDay {
    /// "13.00" in Norwegian papers, "13:00" in English ones.
    func formatted(separator: String) -> String {
        (hour < 10 ? "0" : "") + String(hour) + separator + (minute < 10 ? "0" : "") + String(minute)
    }
}
