// FFmpeg's types, and its functions as moodsketch calls them: through pointers that
// moodsketch_ffmpeg_load() fills from the shared libraries, opened the first time a file needs FFmpeg.
// Linking the libraries instead maps libavcodec and every codec library it depends on (x264, x265,
// vpx, aom, ...: about 180 shared objects and 20 MB) into every command, WAV-only ones included.
#ifndef MOODSKETCH_CAVFORMAT_H
#define MOODSKETCH_CAVFORMAT_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libswresample/swresample.h>

// AVERROR(EAGAIN) and AVERROR_EOF are function-like macros, which Swift does not import.
static inline int moodsketch_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int moodsketch_averror_eof(void) { return AVERROR_EOF; }
static inline int moodsketch_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }

/// Opens libavutil, libswresample, libavcodec and libavformat (the major versions these headers
/// describe) once, thread-safely. Returns NULL when every function was found, else a message naming
/// the library or function that is missing (valid for the life of the process).
const char *moodsketch_ffmpeg_load(void);

// The FFmpeg functions moodsketch uses, one wrapper each (same arguments as FFmpeg's). Calling one
// before moodsketch_ffmpeg_load() has succeeded is a programming error.
int ms_avformat_open_input(AVFormatContext **ps, const char *url, const AVInputFormat *fmt,
                           AVDictionary **options);
int ms_avformat_find_stream_info(AVFormatContext *ic, AVDictionary **options);
int ms_av_find_best_stream(AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb,
                           int related_stream, const AVCodec **decoder_ret, int flags);
void ms_avformat_close_input(AVFormatContext **s);
int ms_av_read_frame(AVFormatContext *s, AVPacket *pkt);

AVCodecContext *ms_avcodec_alloc_context3(const AVCodec *codec);
int ms_avcodec_parameters_to_context(AVCodecContext *codec, const AVCodecParameters *par);
int ms_avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options);
void ms_avcodec_free_context(AVCodecContext **avctx);
int ms_avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt);
int ms_avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame);
AVPacket *ms_av_packet_alloc(void);
void ms_av_packet_free(AVPacket **pkt);
void ms_av_packet_unref(AVPacket *pkt);

// The layouts are not const here, as in FFmpeg 5.1 (Debian 12); later versions take const, which
// these convert to.
int ms_swr_alloc_set_opts2(struct SwrContext **ps, AVChannelLayout *out_ch_layout,
                           enum AVSampleFormat out_sample_fmt, int out_sample_rate,
                           AVChannelLayout *in_ch_layout, enum AVSampleFormat in_sample_fmt,
                           int in_sample_rate, int log_offset, void *log_ctx);
int ms_swr_init(struct SwrContext *s);
void ms_swr_free(struct SwrContext **s);
int ms_swr_convert(struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in,
                   int in_count);

void ms_av_log_set_level(int level);
AVFrame *ms_av_frame_alloc(void);
void ms_av_frame_free(AVFrame **frame);
void ms_av_frame_unref(AVFrame *frame);
void ms_av_channel_layout_default(AVChannelLayout *ch_layout, int nb_channels);
int ms_av_channel_layout_copy(AVChannelLayout *dst, const AVChannelLayout *src);
void ms_av_channel_layout_uninit(AVChannelLayout *channel_layout);
AVDictionaryEntry *ms_av_dict_get(const AVDictionary *m, const char *key,
                                  const AVDictionaryEntry *prev, int flags);
int ms_av_strerror(int errnum, char *errbuf, size_t errbuf_size);

#endif
