/// "1 track", "70 tracks": counts in messages read as English, including a catalog of one.
func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(count == 1 ? noun : noun + "s")"
}
