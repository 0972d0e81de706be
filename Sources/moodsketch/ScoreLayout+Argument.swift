import ArgumentParser
import Notation

extension ScoreLayout: ExpressibleByArgument {}
