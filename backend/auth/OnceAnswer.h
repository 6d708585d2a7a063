#pragma once

#include <QByteArray>
#include <QStringList>

#include "backend/auth/User.h"
#include "backend/core/Result.h"

namespace souk::auth {

/// The answers of the people commands that hold a secret shown once (see ReplaySeal), as the
/// bytes sealed for a retry: compact JSON, every field, so a replay answers exactly what the
/// first answer did. Fields are only ever added; a missing one reads as its default. Stateless.
template <typename T> struct OnceAnswer;

template <> struct OnceAnswer<AddedUser>
{
    static QByteArray encode(const AddedUser& added);
    static Result<AddedUser> decode(const QByteArray& bytes);
};

template <> struct OnceAnswer<CreatedApiKey>
{
    static QByteArray encode(const CreatedApiKey& created);
    static Result<CreatedApiKey> decode(const QByteArray& bytes);
};

template <> struct OnceAnswer<TotpEnrolment>
{
    static QByteArray encode(const TotpEnrolment& enrolment);
    static Result<TotpEnrolment> decode(const QByteArray& bytes);
};

/// Recovery codes.
template <> struct OnceAnswer<QStringList>
{
    static QByteArray encode(const QStringList& codes);
    static Result<QStringList> decode(const QByteArray& bytes);
};

} // namespace souk::auth
