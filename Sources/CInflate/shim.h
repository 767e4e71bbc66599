#ifndef DOCKET_CINFLATE_SHIM_H
#define DOCKET_CINFLATE_SHIM_H

#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot call: this opens a raw deflate stream (no zlib
/// header), as ZIP entries hold them.
static inline int docket_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
