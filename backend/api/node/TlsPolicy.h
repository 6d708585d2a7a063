#pragma once

#include <QString>

#include <openssl/types.h>

#include "backend/core/Result.h"

namespace souk::api {

/// Applies Mozilla's "intermediate" server profile to `ctx` (TLS 1.2 and 1.3, forward-secret AEAD
/// ciphers only, the server's cipher order (see TlsPolicy.cpp on why), no compression or renegotiation) and installs the PEM
/// certificate chain (leaf first) and the unencrypted private key, checked to match. Files are read
/// and checked before `ctx` changes. Plain OpenSSL, so it takes boost::asio::ssl::context's
/// native_handle(). Thread: whichever owns `ctx` before any connection uses it.
Status configureServerTls(SSL_CTX* ctx, const QString& certPath, const QString& keyPath);

} // namespace souk::api
