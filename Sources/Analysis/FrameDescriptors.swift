/// Frame-by-frame descriptors of a short signal held in memory, laid out like librosa's arrays
/// (one inner array per frame). For tests, plots and comparison with librosa; whole files go through
/// ``Analyzer`` instead, which streams and keeps only summaries.
public struct FrameDescriptors: Sendable {
  /// librosa.feature.melspectrogram (power), frames × nMels.
  public var mel: [[Float]]
  /// librosa.feature.mfcc (power_to_db with top_db over the whole signal, then DCT-II ortho), frames × nMFCC.
  public var mfcc: [[Float]]
  /// librosa.feature.chroma_stft(tuning=0), frames × 12, C first.
  public var chroma: [[Float]]
  public var spectralCentroid: [Float]
  public var spectralBandwidth: [Float]
  public var spectralRolloff: [Float]
  public var spectralFlatness: [Float]
  public var spectralContrast: [[Float]]
  public var spectralFlux: [Float]
  public var rms: [Float]
  public var zeroCrossingRate: [Float]

  /// Computes every frame descriptor of `signal` (mono, at `configuration.sampleRate`).
  public init(signal: [Float], configuration: AnalysisConfiguration = .init()) {
    let processor = FrameProcessor(configuration: configuration)
    var framer = StreamingFramer(nFFT: configuration.nFFT, hopLength: configuration.hopLength)
    var mel: [[Float]] = []
    var logMel: [[Float]] = []
    var chroma: [[Float]] = []
    var centroid: [Float] = []
    var bandwidth: [Float] = []
    var rolloff: [Float] = []
    var flatness: [Float] = []
    var contrast: [[Float]] = []
    var flux: [Float] = []
    var rms: [Float] = []
    var zcr: [Float] = []
    let collect: (UnsafeBufferPointer<Float>) -> Void = { frame in
      processor.process(frame)
      mel.append(Array(processor.mel))
      logMel.append(Array(processor.logMel))
      chroma.append(Array(processor.chroma))
      centroid.append(processor.centroid)
      bandwidth.append(processor.bandwidth)
      rolloff.append(processor.rolloff)
      flatness.append(processor.flatness)
      contrast.append(Array(processor.contrast))
      flux.append(processor.flux)
      rms.append(processor.rms)
      zcr.append(processor.zeroCrossingRate)
    }
    signal.withUnsafeBufferPointer { framer.append($0, frame: collect) }
    framer.finish(frame: collect)
    let maxDB = logMel.map { $0.max() ?? -100 }.max() ?? -100
    let floorDB = maxDB - Float(configuration.topDB)
    self.mel = mel
    self.mfcc = logMel.map { processor.mfcc(ofLogMel: $0, floorDB: floorDB) }
    self.chroma = chroma
    self.spectralCentroid = centroid
    self.spectralBandwidth = bandwidth
    self.spectralRolloff = rolloff
    self.spectralFlatness = flatness
    self.spectralContrast = contrast
    self.spectralFlux = flux
    self.rms = rms
    self.zeroCrossingRate = zcr
  }
}
