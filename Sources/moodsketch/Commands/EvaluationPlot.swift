import Pictures
import Recommend

/// The evaluation report as a grouped bar chart: one group per model, one bar per metric at k.
enum EvaluationPlot {
  static func chart(_ report: Evaluation.Report) -> BarChart {
    let metrics: [(String, (Evaluation.ModelResult) -> Double)] = [
      ("precision@\(report.k)", { $0.all.precision }), ("recall@\(report.k)", { $0.all.recall }),
      ("F1@\(report.k)", { $0.all.f1 }), ("NDCG@\(report.k)", { $0.all.ndcg }),
      ("MAP@\(report.k)", { $0.all.map }), ("hit rate@\(report.k)", { $0.all.hitRate }),
      ("coverage", { $0.coverage }),
    ]
    return BarChart(
      title: "Recommendation models at k = \(report.k) (\(report.scoredUsers) users scored)",
      groups: report.models.map(\.model), series: metrics.map(\.0),
      values: report.models.map { model in metrics.map { $0.1(model) } })
  }
}
