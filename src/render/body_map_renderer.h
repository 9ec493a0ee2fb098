#pragma once

#include "core/atlas.h"
#include "render/body_map_frame.h"
#include "render/body_map_mesh.h"
#include "render/gl_objects.h"
#include "render/shader_program.h"

#include <vector>

namespace knotmap::render {

// Draws the body map with the project's shaders: region fills with soft edge
// shading, boundary and silhouette strokes, hover and highlight outlines, the
// figure's shadow and the knot markers. Geometry is uploaded once per atlas;
// each frame only updates the small region colour table and the markers.
// Everything is placed by the view transform in the vertex shaders, so any
// zoom re-rasterises crisp edges instead of scaling a bitmap.
class BodyMapRenderer {
public:
    // Needs a current OpenGL 3.3 context; throws std::runtime_error when a
    // shader does not compile (the message names the file and line).
    explicit BodyMapRenderer(const Atlas& atlas);

    // Draws into the bound framebuffer, whose viewport must be
    // frame.width x frame.height. Clears it to the style's background.
    void draw(const BodyMapFrame& frame);

    [[nodiscard]] const Atlas& atlas() const { return m_atlas; }

private:
    struct GpuView {
        BodyView view = BodyView::Front;
        GlVertexArray fillArray;
        GlBuffer fillVertices;
        GlBuffer fillIndices;
        GLsizei fillIndexCount = 0;
        GlVertexArray strokeArray;
        GlBuffer strokeVertices;
        VertexRange internalStrokes;
        VertexRange silhouetteStrokes;
        GlVertexArray outlineArray;
        GlBuffer outlineVertices;
        GlTexture distance;
    };

    void upload(GpuView& gpu, const ViewMesh& mesh);
    void updateRegionTable(const BodyMapFrame& frame);
    void setPlacement(const ShaderProgram& program, const ViewPlacement& placement,
                      const BodyMapFrame& frame) const;
    void drawShadow(const GpuView& gpu, const ViewPlacement& placement, const BodyMapFrame& frame);
    void drawFills(const GpuView& gpu, const ViewPlacement& placement, const BodyMapFrame& frame);
    void drawStrokes(GLuint vertexArray, VertexRange range, float width, const Rgba& colour);
    void drawMarkers(const BodyMapFrame& frame);
    [[nodiscard]] const GpuView& gpuView(BodyView view) const;

    const Atlas& m_atlas;
    BodyMapMesh m_mesh;
    ShaderProgram m_regionProgram;
    ShaderProgram m_strokeProgram;
    ShaderProgram m_shadowProgram;
    ShaderProgram m_markerProgram;
    GpuView m_front;
    GpuView m_back;
    GlTexture m_regionTable; // regions x 2 texels, RGBA8
    std::vector<std::uint8_t> m_regionTableData;
    GlVertexArray m_emptyArray; // core profile draws need a vertex array even without buffers
    GlVertexArray m_markerArray;
    GlBuffer m_markerInstances;
};

} // namespace knotmap::render
