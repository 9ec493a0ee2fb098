/*
 * knotmap_xdnd_drop - drop files onto an X11 window with the XDND protocol.
 *
 * Usage: knotmap_xdnd_drop WINDOW_ID X Y PATH...
 *
 * End-to-end tests run the app under Xvfb, where xdotool can move the
 * pointer and click but cannot drag files in from a file manager. This tool
 * plays the file manager's part of XDND (version 5): it owns the
 * XdndSelection, talks to the window that advertises XdndAware, and hands
 * over a text/uri-list when the target asks for it. It does not move the
 * real pointer; XDND carries the position inside its messages.
 *
 * Exit status:
 *   0  the target fetched the URI list and sent XdndFinished
 *   1  X11 failure or a timeout (the message names what did not arrive)
 *   2  bad arguments: usage error, a path or window that does not exist
 *   3  the target rejected the drag (XdndStatus without "accept")
 *   4  the target sent XdndFinished without fetching the URI list
 */
#define _XOPEN_SOURCE 700 /* realpath() is not part of plain C11 */

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    EXIT_X_FAILURE = 1,
    EXIT_BAD_ARGS = 2,
    EXIT_REJECTED = 3,
    EXIT_DROP_FAILED = 4,
};

/* The newest protocol version this tool speaks. */
#define XDND_VERSION 5
/* How long to wait for each answer from the target, in milliseconds. */
#define REPLY_TIMEOUT_MS 10000

static const char *prog = "knotmap_xdnd_drop";

/* Atoms used by the protocol, interned once at start-up. */
static struct {
    Atom XdndAware, XdndProxy, XdndSelection, XdndTypeList;
    Atom XdndEnter, XdndPosition, XdndStatus, XdndLeave, XdndDrop,
        XdndFinished;
    Atom XdndActionCopy, text_uri_list, TARGETS;
} atom;

/*
 * Xlib's default error handler exits the process with a generic message.
 * A target window can vanish mid-drag, so record errors instead and let the
 * caller turn them into a message that says which step failed.
 */
static int last_x_error;

static int record_x_error(Display *dpy, XErrorEvent *e)
{
    (void)dpy;
    last_x_error = e->error_code;
    return 0;
}

/* Print a message naming what went wrong and exit with the given status. */
__attribute__((format(printf, 2, 3))) static _Noreturn void
fail(int status, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

static _Noreturn void usage(void)
{
    fprintf(stderr,
            "usage: %s WINDOW_ID X Y PATH...\n"
            "  WINDOW_ID  target top-level window (decimal as printed by\n"
            "             'xdotool search', or 0x-prefixed hex)\n"
            "  X Y        drop position relative to that window\n"
            "  PATH...    files or folders to drop (must exist)\n",
            prog);
    exit(EXIT_BAD_ARGS);
}

/* Parse a whole string as a number; reject junk so typos do not slip by. */
static int parse_long(const char *s, int base, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, base);
    if (errno != 0 || end == s || *end != '\0')
        return 0;
    *out = v;
    return 1;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Wait for the next X event until the deadline. Returns 1 with the event
 * in *ev, or 0 when the deadline passed. Polling the connection's file
 * descriptor lets us time out instead of blocking forever in XNextEvent
 * when the target never answers.
 */
static int next_event(Display *dpy, long long deadline, XEvent *ev)
{
    for (;;) {
        if (XPending(dpy) > 0) {
            XNextEvent(dpy, ev);
            return 1;
        }
        long long left = deadline - now_ms();
        if (left <= 0)
            return 0;
        struct pollfd pfd = {.fd = ConnectionNumber(dpy), .events = POLLIN};
        if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
            fail(EXIT_X_FAILURE, "poll on the X connection failed: %s",
                 strerror(errno));
    }
}

/* Read a single 32-bit property value (window id, version, ...). */
static int get_card32_property(Display *dpy, Window w, Atom prop, Atom type,
                               unsigned long *value)
{
    Atom actual_type;
    int actual_format;
    unsigned long count, after;
    unsigned char *data = NULL;

    last_x_error = 0;
    int rc = XGetWindowProperty(dpy, w, prop, 0, 1, False, type, &actual_type,
                                &actual_format, &count, &after, &data);
    int ok = rc == Success && last_x_error == 0 && actual_type == type &&
             actual_format == 32 && count == 1;
    if (ok)
        /* Xlib hands format-32 data back as an array of long. */
        *value = (unsigned long)((long *)(void *)data)[0];
    if (data)
        XFree(data);
    return ok;
}

/*
 * Find the window that takes part in XDND. A file manager would start at
 * the root and walk down the windows under the pointer until one carries
 * XdndAware; we start at the given window instead, so both a top-level id
 * and one of its children work. If nothing below is aware, look upwards,
 * because the caller may have passed a child of the aware top-level.
 */
static Window find_aware_window(Display *dpy, Window start, int x, int y,
                                unsigned long *version)
{
    Window w = start;
    int wx = x, wy = y;

    for (;;) {
        if (get_card32_property(dpy, w, atom.XdndAware, XA_ATOM, version))
            return w;
        Window child = None;
        int cx, cy;
        if (!XTranslateCoordinates(dpy, w, w, wx, wy, &cx, &cy, &child) ||
            child == None)
            break;
        /* Coordinates inside the child, so the next step stays on target. */
        XTranslateCoordinates(dpy, w, child, wx, wy, &wx, &wy, &child);
        w = child;
    }

    for (w = start;;) {
        Window root, parent, *children = NULL;
        unsigned int n;
        if (!XQueryTree(dpy, w, &root, &parent, &children, &n))
            break;
        if (children)
            XFree(children);
        if (parent == None || parent == root)
            break;
        w = parent;
        if (get_card32_property(dpy, w, atom.XdndAware, XA_ATOM, version))
            return w;
    }
    return None;
}

/*
 * The spec lets a window delegate its messages to another window through
 * XdndProxy; the proxy must point to itself, which guards against stale
 * properties left by a crashed program.
 */
static Window message_window_for(Display *dpy, Window target)
{
    unsigned long proxy, self;
    if (get_card32_property(dpy, target, atom.XdndProxy, XA_WINDOW, &proxy) &&
        get_card32_property(dpy, (Window)proxy, atom.XdndProxy, XA_WINDOW,
                            &self) &&
        self == proxy)
        return (Window)proxy;
    return target;
}

/*
 * Selection ownership and XDND messages need a real server timestamp:
 * CurrentTime makes the ownership ambiguous and targets may pass our
 * timestamp straight into XConvertSelection. Appending nothing to a
 * property on our own window makes the server send a PropertyNotify that
 * carries the current server time.
 */
static Time server_time(Display *dpy, Window w)
{
    XEvent ev;
    XChangeProperty(dpy, w, atom.XdndTypeList, XA_ATOM, 32, PropModeAppend,
                    NULL, 0);
    long long deadline = now_ms() + REPLY_TIMEOUT_MS;
    while (next_event(dpy, deadline, &ev)) {
        if (ev.type == PropertyNotify && ev.xproperty.window == w)
            return ev.xproperty.time;
    }
    fail(EXIT_X_FAILURE, "timed out waiting for PropertyNotify from the "
                         "X server (needed for a timestamp)");
}

/*
 * Build the text/uri-list body: one file:// URI per path, each line ending
 * in CRLF as RFC 2483 requires. Everything outside the unreserved set and
 * '/' is percent-encoded byte by byte, so spaces and UTF-8 names survive
 * any receiver that decodes URIs.
 */
static char *build_uri_list(char **paths, int count, size_t *length)
{
    size_t cap = 1;
    for (int i = 0; i < count; i++)
        cap += strlen("file://") + 3 * strlen(paths[i]) + 2;
    char *out = malloc(cap);
    if (!out)
        fail(EXIT_X_FAILURE, "out of memory");

    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        n += (size_t)sprintf(out + n, "file://");
        for (const unsigned char *p = (const unsigned char *)paths[i]; *p;
             p++) {
            unsigned char c = *p;
            int keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                       c == '_' || c == '~' || c == '/';
            if (keep) {
                out[n++] = (char)c;
            } else {
                out[n++] = '%';
                out[n++] = hex[c >> 4];
                out[n++] = hex[c & 15];
            }
        }
        out[n++] = '\r';
        out[n++] = '\n';
    }
    out[n] = '\0';
    *length = n;
    return out;
}

static void send_client_message(Display *dpy, Window to, Atom type, long l0,
                                long l1, long l2, long l3, long l4)
{
    XEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.xclient.type = ClientMessage;
    ev.xclient.display = dpy;
    ev.xclient.window = to;
    ev.xclient.message_type = type;
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = l0;
    ev.xclient.data.l[1] = l1;
    ev.xclient.data.l[2] = l2;
    ev.xclient.data.l[3] = l3;
    ev.xclient.data.l[4] = l4;
    /* An empty event mask delivers the event to the window's creator,
       which is the client that handles XDND for it. */
    XSendEvent(dpy, to, False, NoEventMask, &ev);
    XFlush(dpy);
}

/* State shared by the event handling below. */
struct drag {
    Display *dpy;
    Window source;     /* our own window, owner of XdndSelection */
    Window target;     /* the window that advertises XdndAware */
    Window msg_window; /* where messages go: target or its proxy */
    long version;      /* protocol version in use */
    Time time;         /* server timestamp of our selection ownership */
    char *uri_list;
    size_t uri_list_len;
    int data_sent;     /* the target fetched the URI list at least once */
};

/*
 * Answer a request for the dragged data. The target asks with
 * XConvertSelection after our XdndDrop; we write the data to the property
 * it named on its window and tell it with SelectionNotify. A refusal is
 * signalled by SelectionNotify with property None.
 */
static void answer_selection_request(struct drag *d,
                                     const XSelectionRequestEvent *req)
{
    XSelectionEvent reply;
    memset(&reply, 0, sizeof reply);
    reply.type = SelectionNotify;
    reply.display = d->dpy;
    reply.requestor = req->requestor;
    reply.selection = req->selection;
    reply.target = req->target;
    reply.time = req->time;
    /* Clients older than ICCCM 2.0 may pass None; the target atom is the
       property name they expect then. */
    reply.property = req->property != None ? req->property : req->target;

    last_x_error = 0;
    if (req->selection != atom.XdndSelection) {
        reply.property = None;
    } else if (req->target == atom.TARGETS) {
        /* Lets a target ask which formats we offer before fetching one. */
        Atom targets[2] = {atom.TARGETS, atom.text_uri_list};
        XChangeProperty(d->dpy, req->requestor, reply.property, XA_ATOM, 32,
                        PropModeReplace, (unsigned char *)targets, 2);
    } else if (req->target == atom.text_uri_list) {
        /* One ChangeProperty request must hold all the data; larger lists
           would need the INCR protocol, which this tool does not speak. */
        long max_bytes = XExtendedMaxRequestSize(d->dpy);
        if (max_bytes == 0)
            max_bytes = XMaxRequestSize(d->dpy);
        max_bytes = max_bytes * 4 - 100;
        if ((long)d->uri_list_len > max_bytes) {
            fprintf(stderr,
                    "%s: URI list (%zu bytes) is too large to send without "
                    "INCR; refusing the request\n",
                    prog, d->uri_list_len);
            reply.property = None;
        } else {
            /* The property type must be text/uri-list: receivers such as
               GLFW read the property back with exactly the requested type. */
            XChangeProperty(d->dpy, req->requestor, reply.property,
                            atom.text_uri_list, 8, PropModeReplace,
                            (const unsigned char *)d->uri_list,
                            (int)d->uri_list_len);
            d->data_sent = 1;
        }
    } else {
        reply.property = None;
    }

    XSendEvent(d->dpy, req->requestor, False, NoEventMask, (XEvent *)&reply);
    XSync(d->dpy, False);
    if (last_x_error)
        fprintf(stderr,
                "%s: X error %d while answering the selection request "
                "from window 0x%lx\n",
                prog, last_x_error, req->requestor);
}

/*
 * Wait for a ClientMessage of the given type from the target, answering
 * selection requests meanwhile (the target may ask for the data at any
 * time after it knows about the drag). Returns 0 on timeout.
 */
static int wait_for_message(struct drag *d, Atom type, XEvent *out)
{
    long long deadline = now_ms() + REPLY_TIMEOUT_MS;
    XEvent ev;
    while (next_event(d->dpy, deadline, &ev)) {
        switch (ev.type) {
        case SelectionRequest:
            answer_selection_request(d, &ev.xselectionrequest);
            break;
        case SelectionClear:
            /* Someone else took XdndSelection; the target could no longer
               fetch our data, so the drag cannot succeed. */
            if (ev.xselectionclear.selection == atom.XdndSelection)
                fail(EXIT_X_FAILURE, "lost ownership of XdndSelection to "
                                     "another client during the drag");
            break;
        case ClientMessage:
            /* data.l[0] names the sending target; ignore strays. */
            if (ev.xclient.message_type == type &&
                (Window)ev.xclient.data.l[0] == d->target) {
                *out = ev;
                return 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 5)
        usage();

    long long window_id = 0, x = 0, y = 0;
    /* Base 0 accepts both xdotool's decimal ids and 0x-prefixed hex. */
    if (!parse_long(argv[1], 0, &window_id) || window_id <= 0 ||
        window_id > 0xFFFFFFFFLL) {
        fprintf(stderr, "%s: invalid WINDOW_ID '%s'\n", prog, argv[1]);
        usage();
    }
    /* XDND packs root coordinates into 16 bits each. */
    if (!parse_long(argv[2], 10, &x) || !parse_long(argv[3], 10, &y) ||
        x < -32768 || x > 32767 || y < -32768 || y > 32767) {
        fprintf(stderr, "%s: invalid coordinates '%s' '%s'\n", prog, argv[2],
                argv[3]);
        usage();
    }

    /* Receivers see only what we send, so turn every path into the
       canonical absolute path a file manager would offer. */
    int path_count = argc - 4;
    char **paths = calloc((size_t)path_count, sizeof *paths);
    if (!paths)
        fail(EXIT_X_FAILURE, "out of memory");
    for (int i = 0; i < path_count; i++) {
        paths[i] = realpath(argv[4 + i], NULL);
        if (!paths[i])
            fail(EXIT_BAD_ARGS, "cannot resolve path '%s': %s", argv[4 + i],
                 strerror(errno));
    }

    Display *dpy = XOpenDisplay(NULL);
    if (!dpy)
        fail(EXIT_X_FAILURE, "cannot open X display '%s'",
             XDisplayName(NULL));
    XSetErrorHandler(record_x_error);

    atom.XdndAware = XInternAtom(dpy, "XdndAware", False);
    atom.XdndProxy = XInternAtom(dpy, "XdndProxy", False);
    atom.XdndSelection = XInternAtom(dpy, "XdndSelection", False);
    atom.XdndTypeList = XInternAtom(dpy, "XdndTypeList", False);
    atom.XdndEnter = XInternAtom(dpy, "XdndEnter", False);
    atom.XdndPosition = XInternAtom(dpy, "XdndPosition", False);
    atom.XdndStatus = XInternAtom(dpy, "XdndStatus", False);
    atom.XdndLeave = XInternAtom(dpy, "XdndLeave", False);
    atom.XdndDrop = XInternAtom(dpy, "XdndDrop", False);
    atom.XdndFinished = XInternAtom(dpy, "XdndFinished", False);
    atom.XdndActionCopy = XInternAtom(dpy, "XdndActionCopy", False);
    atom.text_uri_list = XInternAtom(dpy, "text/uri-list", False);
    atom.TARGETS = XInternAtom(dpy, "TARGETS", False);

    Window given = (Window)window_id;
    XWindowAttributes attrs;
    last_x_error = 0;
    if (!XGetWindowAttributes(dpy, given, &attrs) || last_x_error)
        fail(EXIT_BAD_ARGS, "window 0x%lx does not exist on display '%s'",
             given, XDisplayName(NULL));

    /* Root coordinates of the drop point; XDND positions are always
       relative to the root window. */
    Window root = attrs.root, unused;
    int root_x, root_y;
    XTranslateCoordinates(dpy, given, root, (int)x, (int)y, &root_x, &root_y,
                          &unused);

    struct drag d;
    memset(&d, 0, sizeof d);
    d.dpy = dpy;

    unsigned long aware_version = 0;
    d.target = find_aware_window(dpy, given, (int)x, (int)y, &aware_version);
    if (d.target == None)
        fail(EXIT_X_FAILURE,
             "no window advertises XdndAware at or around window 0x%lx "
             "(is the window created and mapped?)",
             given);
    d.version = aware_version < XDND_VERSION ? (long)aware_version
                                             : XDND_VERSION;
    if (d.version < 3)
        fail(EXIT_X_FAILURE,
             "window 0x%lx supports only XDND version %lu; need 3 or later",
             d.target, aware_version);
    d.msg_window = message_window_for(dpy, d.target);

    /* The source window never needs to be seen: it only owns the selection
       and receives the target's replies. InputOnly keeps it minimal. */
    XSetWindowAttributes swa;
    memset(&swa, 0, sizeof swa);
    swa.event_mask = PropertyChangeMask;
    d.source = XCreateWindow(dpy, root, -10, -10, 1, 1, 0, 0, InputOnly,
                             CopyFromParent, CWEventMask, &swa);

    d.uri_list = build_uri_list(paths, path_count, &d.uri_list_len);

    d.time = server_time(dpy, d.source);
    XSetSelectionOwner(dpy, atom.XdndSelection, d.source, d.time);
    if (XGetSelectionOwner(dpy, atom.XdndSelection) != d.source)
        fail(EXIT_X_FAILURE, "could not become owner of XdndSelection");

    /* Our only type is text/uri-list; with three or fewer types they all
       fit into XdndEnter, so bit 0 ("see XdndTypeList") stays clear. We
       still publish XdndTypeList for targets that read it regardless. */
    Atom types[1] = {atom.text_uri_list};
    XChangeProperty(dpy, d.source, atom.XdndTypeList, XA_ATOM, 32,
                    PropModeReplace, (unsigned char *)types, 1);

    last_x_error = 0;
    send_client_message(dpy, d.msg_window, atom.XdndEnter, (long)d.source,
                        d.version << 24, (long)atom.text_uri_list, None,
                        None);
    send_client_message(dpy, d.msg_window, atom.XdndPosition, (long)d.source,
                        0, ((long)(root_x & 0xFFFF) << 16) | (root_y & 0xFFFF),
                        (long)d.time, (long)atom.XdndActionCopy);
    XSync(dpy, False);
    if (last_x_error)
        fail(EXIT_X_FAILURE,
             "X error %d sending XdndEnter/XdndPosition to window 0x%lx",
             last_x_error, d.msg_window);

    XEvent ev;
    if (!wait_for_message(&d, atom.XdndStatus, &ev))
        fail(EXIT_X_FAILURE,
             "no XdndStatus from window 0x%lx within %d s after XdndPosition",
             d.target, REPLY_TIMEOUT_MS / 1000);
    if (!(ev.xclient.data.l[1] & 1)) {
        /* Tell the target the drag is over so it can reset its state. */
        send_client_message(dpy, d.msg_window, atom.XdndLeave, (long)d.source,
                            0, 0, 0, 0);
        fail(EXIT_REJECTED,
             "window 0x%lx does not accept the drop (XdndStatus without "
             "accept; it does not take text/uri-list at %lld,%lld?)",
             d.target, x, y);
    }

    send_client_message(dpy, d.msg_window, atom.XdndDrop, (long)d.source, 0,
                        (long)d.time, 0, 0);

    if (!wait_for_message(&d, atom.XdndFinished, &ev))
        fail(EXIT_X_FAILURE,
             "no XdndFinished from window 0x%lx within %d s after XdndDrop "
             "(%s)",
             d.target, REPLY_TIMEOUT_MS / 1000,
             d.data_sent ? "the URI list was delivered"
                         : "it never asked for the URI list");
    /*
     * Since version 5, bit 0 of data.l[1] is meant to say whether the drop
     * worked, but GLFW (3.3 and 3.4) puts the byte length of the received
     * URI list there, so the bit is just the parity of that length. The
     * reliable signal is whether the target fetched the data: GLFW only
     * does that when it is going to hand the paths to the drop callback.
     */
    if (!d.data_sent)
        fail(EXIT_DROP_FAILED,
             "window 0x%lx sent XdndFinished without asking for the URI "
             "list, so it did not take the files",
             d.target);

    /* Giving the selection back is polite; a file manager keeps it until
       the next drag, but this process is about to exit anyway. */
    XSetSelectionOwner(dpy, atom.XdndSelection, None, d.time);
    XDestroyWindow(dpy, d.source);
    XCloseDisplay(dpy);
    free(d.uri_list);
    for (int i = 0; i < path_count; i++)
        free(paths[i]);
    free(paths);
    return 0;
}
