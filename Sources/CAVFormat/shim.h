#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswresample/swresample.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>

// AVERROR(EAGAIN) and AVERROR_EOF are function-like macros, which Swift does not import.
static inline int moodsketch_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int moodsketch_averror_eof(void) { return AVERROR_EOF; }
static inline int moodsketch_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
