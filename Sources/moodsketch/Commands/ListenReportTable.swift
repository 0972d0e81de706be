import Foundation
import Recommend

/// The evaluation report as a table for people.
enum ListenReportTable {
  static func text(_ r: Evaluation.Report) -> String {
    var lines = [
      "\(r.scoredUsers) users scored; training: \(r.trainingUsers) users, \(r.trainingItems) items, \(r.trainingEvents) events; test: \(r.testEvents) events; k = \(r.k)",
      pad([
        "model", "train s", "CPU s", "P@k", "R@k", "F1@k", "NDCG@k", "MAP@k", "hit@k", "coverage",
        "NDCG few", "NDCG rest",
      ]),
    ]
    for m in r.models {
      lines.append(
        pad([
          m.model, String(format: "%.2f", m.trainingSeconds),
          String(format: "%.2f", m.trainingCPUSeconds), f(m.all.precision), f(m.all.recall),
          f(m.all.f1),
          f(m.all.ndcg), f(m.all.map), f(m.all.hitRate), f(m.coverage), f(m.fewEvents.ndcg),
          f(m.rest.ndcg),
        ]))
    }
    let few = r.models.first?.fewEvents.users ?? 0
    let rest = r.models.first?.rest.users ?? 0
    lines.append(
      "few = users with ≤ \(r.fewEvents) training items (\(few) users); rest: \(rest) users")
    return lines.joined(separator: "\n")
  }

  private static func f(_ x: Double) -> String { String(format: "%.4f", x) }

  private static func pad(_ cells: [String]) -> String {
    cells.enumerated().map { n, c in
      n == 0
        ? c.padding(toLength: 16, withPad: " ", startingAt: 0)
        : String(repeating: " ", count: max(0, 9 - c.count)) + c
    }.joined(separator: " ")
  }
}
