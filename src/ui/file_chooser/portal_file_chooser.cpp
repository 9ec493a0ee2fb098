#include "ui/file_chooser/portal_file_chooser.h"

#include <libportal/portal.h>
#include <mutex>

namespace knotmap::ui {

// One request's hand-over. The worker writes the outcome; the window reads
// it. Shared, so a worker outliving its chooser (the portal's window still
// open at quit) writes into memory that is still there.
struct PortalFileChooser::Exchange {
    std::mutex mutex;
    bool done = false;
    bool failed = false; // the portal could not ask: the built-in chooser asks instead
    std::optional<std::filesystem::path> chosen;
    bool wakeAllowed = true; // false once the chooser is gone
    GCancellable* cancellable = nullptr;
};

namespace {

using Exchange = PortalFileChooser::Exchange;

// a(sa(us)): each filter's label and its glob patterns (0 means a glob).
GVariant* filtersVariant(const std::vector<FileTypeFilter>& filters) {
    GVariantBuilder list;
    g_variant_builder_init(&list, G_VARIANT_TYPE("a(sa(us))"));
    for (const FileTypeFilter& filter : filters) {
        GVariantBuilder patterns;
        g_variant_builder_init(&patterns, G_VARIANT_TYPE("a(us)"));
        if (filter.patterns.empty()) {
            g_variant_builder_add(&patterns, "(us)", 0u, "*");
        }
        for (const std::string& pattern : filter.patterns) {
            g_variant_builder_add(&patterns, "(us)", 0u, pattern.c_str());
        }
        g_variant_builder_add(&list, "(sa(us))", filter.label.c_str(), &patterns);
    }
    return g_variant_builder_end(&list);
}

GVariant* firstFilterVariant(const std::vector<FileTypeFilter>& filters) {
    GVariant* all = g_variant_ref_sink(filtersVariant({filters.front()}));
    GVariant* first = g_variant_get_child_value(all, 0);
    g_variant_unref(all);
    return first;
}

struct Call {
    GMainLoop* loop = nullptr;
    bool save = false;
    GVariant* result = nullptr;
    GError* error = nullptr;
};

void onAnswered(GObject* source, GAsyncResult* result, gpointer data) {
    auto* call = static_cast<Call*>(data);
    XdpPortal* portal = XDP_PORTAL(source);
    call->result = call->save ? xdp_portal_save_file_finish(portal, result, &call->error)
                              : xdp_portal_open_file_finish(portal, result, &call->error);
    g_main_loop_quit(call->loop);
}

// The first URI of the portal's answer as a local path; none when there is
// none or it is not a file:// URI.
std::optional<std::filesystem::path> firstPath(GVariant* result) {
    const gchar** uris = nullptr;
    if (result == nullptr || !g_variant_lookup(result, "uris", "^a&s", &uris) || uris == nullptr) {
        return std::nullopt;
    }
    std::optional<std::filesystem::path> path;
    if (uris[0] != nullptr) {
        if (gchar* file = g_filename_from_uri(uris[0], nullptr, nullptr)) {
            path = std::filesystem::path(file);
            g_free(file);
        }
    }
    g_free(uris);
    return path;
}

// The worker: asks the portal and waits for its answer on a main context of
// its own (libportal delivers to the thread-default context of the caller).
void askPortal(std::shared_ptr<Exchange> exchange, FileChooserRequest request,
               std::function<void()> wake) {
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    XdpPortal* portal = xdp_portal_new();
    Call call;
    call.loop = g_main_loop_new(context, FALSE);
    call.save = request.kind == FileChooserKind::SaveFile;
    const std::string folder = request.startFolder.string();
    if (call.save) {
        xdp_portal_save_file(portal, nullptr, request.title.c_str(), request.suggestedName.c_str(),
                             folder.empty() ? nullptr : folder.c_str(), nullptr,
                             filtersVariant(request.filters), firstFilterVariant(request.filters),
                             nullptr, XDP_SAVE_FILE_FLAG_NONE, exchange->cancellable, onAnswered,
                             &call);
    } else {
        xdp_portal_open_file(portal, nullptr, request.title.c_str(),
                             filtersVariant(request.filters), firstFilterVariant(request.filters),
                             nullptr, XDP_OPEN_FILE_FLAG_NONE, exchange->cancellable, onAnswered,
                             &call);
    }
    g_main_loop_run(call.loop);
    const bool cancelled =
        call.error != nullptr && g_error_matches(call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    {
        const std::lock_guard lock(exchange->mutex);
        exchange->failed = call.error != nullptr && !cancelled;
        exchange->chosen = firstPath(call.result);
        exchange->done = true;
        if (exchange->wakeAllowed) {
            wake();
        }
    }
    if (call.result != nullptr) {
        g_variant_unref(call.result);
    }
    g_clear_error(&call.error);
    g_main_loop_unref(call.loop);
    g_object_unref(portal);
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
}

} // namespace

PortalFileChooser::PortalFileChooser(std::function<void()> wake) : m_wake(std::move(wake)) {}

PortalFileChooser::~PortalFileChooser() {
    if (m_exchange) {
        const std::lock_guard lock(m_exchange->mutex);
        m_exchange->wakeAllowed = false;
        if (m_exchange->cancellable != nullptr) {
            g_cancellable_cancel(m_exchange->cancellable);
        }
    }
    // Not joined: a portal that never answers the cancel must not hold up
    // quitting. The worker keeps its exchange alive and touches nothing else.
    if (m_worker.joinable()) {
        m_worker.detach();
    }
}

void PortalFileChooser::request(const FileChooserRequest& request) {
    if (m_waiting) {
        return;
    }
    m_request = request;
    m_waiting = true;
    if (request.kind == FileChooserKind::ChooseFolder || m_portalFailed) {
        m_usingFallback = true;
        m_fallback.request(request);
        return;
    }
    m_usingFallback = false;
    if (m_worker.joinable()) {
        m_worker.join(); // the last request's worker, finished when its answer was taken
    }
    m_exchange = std::make_shared<Exchange>();
    m_exchange->cancellable = g_cancellable_new();
    m_worker = std::thread(askPortal, m_exchange, request, m_wake);
}

void PortalFileChooser::draw(const Appearance& look) {
    if (m_usingFallback) {
        m_fallback.draw(look);
    }
}

std::optional<FileChooserAnswer> PortalFileChooser::takeAnswer() {
    if (!m_waiting) {
        return std::nullopt;
    }
    if (m_usingFallback) {
        std::optional<FileChooserAnswer> answer = m_fallback.takeAnswer();
        m_waiting = !answer.has_value();
        return answer;
    }
    bool failed = false;
    FileChooserAnswer answer;
    {
        const std::lock_guard lock(m_exchange->mutex);
        if (!m_exchange->done) {
            return std::nullopt;
        }
        failed = m_exchange->failed;
        answer.chosen = m_exchange->chosen;
    }
    m_worker.join();
    g_clear_object(&m_exchange->cancellable);
    if (failed) {
        // The desktop has a portal but it could not show a chooser (no
        // backend for it, say): ask again, drawn by Knotmap, now and from now on.
        m_portalFailed = true;
        m_usingFallback = true;
        m_fallback.request(m_request);
        return std::nullopt;
    }
    m_waiting = false;
    return answer;
}

} // namespace knotmap::ui
