#include "render/body_map_canvas.h"

#include "render/gl_state_guard.h"

#include <exception>

namespace knotmap::render {

// 8 samples where the driver offers them: the thin boundary strokes and the
// silhouette stay smooth on ordinary-density screens.
BodyMapCanvas::BodyMapCanvas() : m_target(8) {}

GLuint BodyMapCanvas::draw(const Atlas& atlas, const BodyMapFrame& frame) {
    if (!m_error.empty() || frame.width <= 0 || frame.height <= 0) {
        return 0;
    }
    if (m_drawn && m_drawn->shows(frame) && m_renderer && &m_renderer->atlas() == &atlas) {
        return m_target.texture();
    }
    m_drawn.reset(); // until this render is done
    const GlStateGuard guard;
    try {
        if (!m_renderer || &m_renderer->atlas() != &atlas) {
            m_renderer = std::make_unique<BodyMapRenderer>(atlas);
        }
    } catch (const std::exception& error) {
        m_error = error.what();
        return 0;
    }
    if (!m_target.resize(frame.width, frame.height)) {
        return 0; // e.g. larger than the driver allows; the next size may work
    }
    m_target.bindForDrawing();
    m_renderer->draw(frame);
    m_target.resolve();
    m_drawn.emplace(frame);
    ++m_renders;
    return m_target.texture();
}

} // namespace knotmap::render
