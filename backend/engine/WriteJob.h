#pragma once

#include <QPromise>

#include <functional>
#include <optional>

#include "backend/auth/Access.h"
#include "backend/core/Actor.h"
#include "backend/core/Result.h"
#include "backend/store/UnitOfWork.h"

namespace souk::engine {

/// A queued write command, type-erased for the writer thread. Created on any thread, run on
/// the writer thread and completed on its completion thread.
class WriteJob
{
public:
    explicit WriteJob(Actor actor, std::optional<auth::Access> access = std::nullopt)
        : m_actor(std::move(actor)), m_access(std::move(access))
    {
    }
    virtual ~WriteJob() = default;
    const Actor& actor() const { return m_actor; }
    /// What a principal asked, for the permission and tenant checks the writer runs before the
    /// command and the audit row it appends after it; null for the engine's own work.
    const auth::Access* access() const { return m_access ? &*m_access : nullptr; }
    /// Runs the command, once (see Engine::write); false means "roll this command back".
    virtual bool run(store::UnitOfWork& uow) = 0;
    /// The command's error once it ran and failed, else null.
    virtual const Error* error() const = 0;
    /// Replaces a successful result with an error found after the command ran (a finisher
    /// failed), or stands for the command when the checks before it refused it.
    virtual void failAfterRun(const Error& error) = 0;
    /// Delivers the outcome: the command's own result, or `commitError` if the batch failed to commit.
    virtual void complete(const std::optional<Error>& commitError) = 0;
    /// Whether the command may run again, in the writer's next transaction, after another node's
    /// transaction held what it needed past a deadlock or the lock timeout: its changes were
    /// rolled back and nobody has its result yet. A few times at most.
    bool mayRunAgain() { return ++m_runsAgain <= RunsAgainMax; }

private:
    static constexpr int RunsAgainMax = 3;
    Actor m_actor;
    std::optional<auth::Access> m_access;
    int m_runsAgain = 0;
};

template <typename T>
class TypedWriteJob final : public WriteJob
{
public:
    using Command = std::function<Result<T>(store::UnitOfWork&)>;
    using Done = std::function<void(const Result<T>&)>;
    TypedWriteJob(Actor actor, Command command, Done done = {}, std::optional<auth::Access> access = std::nullopt)
        : WriteJob(std::move(actor), std::move(access)), m_command(std::move(command)), m_done(std::move(done))
    {
        m_promise.start();
    }
    QFuture<Result<T>> future() { return m_promise.future(); }

    bool run(store::UnitOfWork& uow) override
    {
        try {
            m_result.emplace(m_command(uow));
        } catch (const std::exception& e) {
            // exceptions never cross the writer thread's entry; a throw is a bug, reported as such
            m_result.emplace(Error::internal(QString::fromUtf8(e.what())));
        }
        return m_result->ok();
    }

    const Error* error() const override { return m_result && !m_result->ok() ? &m_result->error() : nullptr; }
    void failAfterRun(const Error& error) override { m_result.emplace(error); }

    void complete(const std::optional<Error>& commitError) override
    {
        if (!m_result)
            m_result.emplace(commitError ? *commitError : Error::internal(QStringLiteral("command never ran")));
        else if (commitError && m_result->ok())
            m_result.emplace(*commitError); // the batch did not commit: nothing of this command stuck
        if (m_done)
            m_done(*m_result);
        m_promise.addResult(std::move(*m_result));
        m_promise.finish();
    }

private:
    Command m_command;
    Done m_done;
    QPromise<Result<T>> m_promise;
    std::optional<Result<T>> m_result;
};

} // namespace souk::engine
