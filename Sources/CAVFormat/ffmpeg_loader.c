// Opens FFmpeg's libraries on first use (see CAVFormat.h for why they are not linked).
#include "CAVFormat.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define MS_STRINGIFY_(x) #x
#define MS_STRINGIFY(x) MS_STRINGIFY_(x)
// The sonames of the major versions the headers describe: a library of another major version has
// other struct layouts, so only these may be opened.
#define MS_SONAME(name, major) "lib" name ".so." MS_STRINGIFY(major)

// One pointer per function, typed from FFmpeg's own prototype, so a wrapper that passes the wrong
// arguments does not compile.
#define MS_POINTER(fn) static __typeof__(&fn) p_##fn;
#define MS_FUNCTIONS(X)                                                                   \
  X(avformat_open_input) X(avformat_find_stream_info) X(av_find_best_stream)             \
  X(avformat_close_input) X(av_read_frame) X(avcodec_alloc_context3)                      \
  X(avcodec_parameters_to_context) X(avcodec_open2) X(avcodec_free_context)               \
  X(avcodec_send_packet) X(avcodec_receive_frame) X(av_packet_alloc) X(av_packet_free)    \
  X(av_packet_unref) X(swr_alloc_set_opts2) X(swr_init) X(swr_free) X(swr_convert)        \
  X(av_log_set_level) X(av_frame_alloc) X(av_frame_free) X(av_frame_unref)                 \
  X(av_channel_layout_default) X(av_channel_layout_copy) X(av_channel_layout_uninit)      \
  X(av_dict_get) X(av_strerror)
MS_FUNCTIONS(MS_POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure;
static char message[512];

static void *open_library(const char *soname) {
  // The libraries' own dependencies (libavcodec needs libavutil and the codec libraries) come in
  // through their NEEDED entries; RTLD_LOCAL keeps their symbols out of everyone else's way.
  void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL && failure == NULL) {
    const char *reason = dlerror();
    snprintf(message, sizeof message, "FFmpeg's %s cannot be loaded (%s)", soname,
             reason ? reason : "not found");
    failure = message;
  }
  return handle;
}

static void *handles[4];

// A function from the libraries opened here, never another copy already in the process.
static void *resolve(const char *name) {
  for (int i = 0; i < 4; i++) {
    void *symbol = dlsym(handles[i], name);
    if (symbol != NULL) return symbol;
  }
  if (failure == NULL) {
    snprintf(message, sizeof message, "FFmpeg's libraries lack %s (an unexpected build)", name);
    failure = message;
  }
  return NULL;
}

static void load(void) {
  handles[0] = open_library(MS_SONAME("avformat", LIBAVFORMAT_VERSION_MAJOR));
  handles[1] = open_library(MS_SONAME("avcodec", LIBAVCODEC_VERSION_MAJOR));
  handles[2] = open_library(MS_SONAME("swresample", LIBSWRESAMPLE_VERSION_MAJOR));
  handles[3] = open_library(MS_SONAME("avutil", LIBAVUTIL_VERSION_MAJOR));
  if (failure != NULL) return;
#define MS_RESOLVE(fn) p_##fn = (__typeof__(&fn))resolve(#fn);
  MS_FUNCTIONS(MS_RESOLVE)
#undef MS_RESOLVE
}

const char *moodsketch_ffmpeg_load(void) {
  pthread_once(&once, load);
  return failure;
}

int ms_avformat_open_input(AVFormatContext **ps, const char *url, const AVInputFormat *fmt,
                           AVDictionary **options) {
  return p_avformat_open_input(ps, url, fmt, options);
}
int ms_avformat_find_stream_info(AVFormatContext *ic, AVDictionary **options) {
  return p_avformat_find_stream_info(ic, options);
}
int ms_av_find_best_stream(AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb,
                           int related_stream, const AVCodec **decoder_ret, int flags) {
  return p_av_find_best_stream(ic, type, wanted_stream_nb, related_stream, decoder_ret, flags);
}
void ms_avformat_close_input(AVFormatContext **s) { p_avformat_close_input(s); }
int ms_av_read_frame(AVFormatContext *s, AVPacket *pkt) { return p_av_read_frame(s, pkt); }

AVCodecContext *ms_avcodec_alloc_context3(const AVCodec *codec) {
  return p_avcodec_alloc_context3(codec);
}
int ms_avcodec_parameters_to_context(AVCodecContext *codec, const AVCodecParameters *par) {
  return p_avcodec_parameters_to_context(codec, par);
}
int ms_avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options) {
  return p_avcodec_open2(avctx, codec, options);
}
void ms_avcodec_free_context(AVCodecContext **avctx) { p_avcodec_free_context(avctx); }
int ms_avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt) {
  return p_avcodec_send_packet(avctx, avpkt);
}
int ms_avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame) {
  return p_avcodec_receive_frame(avctx, frame);
}
AVPacket *ms_av_packet_alloc(void) { return p_av_packet_alloc(); }
void ms_av_packet_free(AVPacket **pkt) { p_av_packet_free(pkt); }
void ms_av_packet_unref(AVPacket *pkt) { p_av_packet_unref(pkt); }

int ms_swr_alloc_set_opts2(struct SwrContext **ps, AVChannelLayout *out_ch_layout,
                           enum AVSampleFormat out_sample_fmt, int out_sample_rate,
                           AVChannelLayout *in_ch_layout, enum AVSampleFormat in_sample_fmt,
                           int in_sample_rate, int log_offset, void *log_ctx) {
  return p_swr_alloc_set_opts2(ps, out_ch_layout, out_sample_fmt, out_sample_rate, in_ch_layout,
                               in_sample_fmt, in_sample_rate, log_offset, log_ctx);
}
int ms_swr_init(struct SwrContext *s) { return p_swr_init(s); }
void ms_swr_free(struct SwrContext **s) { p_swr_free(s); }
int ms_swr_convert(struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in,
                   int in_count) {
  return p_swr_convert(s, out, out_count, in, in_count);
}

void ms_av_log_set_level(int level) { p_av_log_set_level(level); }
AVFrame *ms_av_frame_alloc(void) { return p_av_frame_alloc(); }
void ms_av_frame_free(AVFrame **frame) { p_av_frame_free(frame); }
void ms_av_frame_unref(AVFrame *frame) { p_av_frame_unref(frame); }
void ms_av_channel_layout_default(AVChannelLayout *ch_layout, int nb_channels) {
  p_av_channel_layout_default(ch_layout, nb_channels);
}
int ms_av_channel_layout_copy(AVChannelLayout *dst, const AVChannelLayout *src) {
  return p_av_channel_layout_copy(dst, src);
}
void ms_av_channel_layout_uninit(AVChannelLayout *channel_layout) {
  p_av_channel_layout_uninit(channel_layout);
}
AVDictionaryEntry *ms_av_dict_get(const AVDictionary *m, const char *key,
                                  const AVDictionaryEntry *prev, int flags) {
  return p_av_dict_get(m, key, prev, flags);
}
int ms_av_strerror(int errnum, char *errbuf, size_t errbuf_size) {
  return p_av_strerror(errnum, errbuf, errbuf_size);
}
