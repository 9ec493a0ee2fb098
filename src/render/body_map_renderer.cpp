#include "render/body_map_renderer.h"

#include "render/distance_field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace knotmap::render {
namespace {

// Texels down a view's distance field: about 2 mm per texel on a real 1.8 m
// body, plenty for a gradient that is sampled with linear filtering.
constexpr int kDistanceFieldRows = 512;

constexpr GLuint kTableUnit = 0;
constexpr GLuint kDistanceUnit = 1;

// One marker as the vertex shader reads it.
struct MarkerAttributes {
    std::array<float, 4> geometry; // centre x, centre y, radius, ring
    std::array<float, 4> fill;
    std::array<float, 4> outline;
    std::array<float, 2> style; // outline width, shadow
};

std::array<float, 4> toArray(const Rgba& colour) {
    return {colour.r, colour.g, colour.b, colour.a};
}

void setColour(GLint location, const Rgba& colour) {
    glUniform4f(location, colour.r, colour.g, colour.b, colour.a);
}

void floatAttribute(GLuint location, GLint components, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(location);
    glVertexAttribPointer(location, components, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offset));
}

void setStrokeAttributes() {
    constexpr auto stride = static_cast<GLsizei>(sizeof(StrokeVertex));
    floatAttribute(0, 2, stride, offsetof(StrokeVertex, x));
    floatAttribute(1, 2, stride, offsetof(StrokeVertex, offsetX));
    floatAttribute(2, 1, stride, offsetof(StrokeVertex, side));
}

template <typename T>
void bufferData(GLenum target, const std::vector<T>& data, GLenum usage) {
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)),
                 data.empty() ? nullptr : data.data(), usage);
}

std::uint8_t toByte(float value) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * 255.0f));
}

} // namespace

BodyMapRenderer::BodyMapRenderer(const Atlas& atlas)
    : m_atlas(atlas), m_mesh(buildBodyMapMesh(atlas)),
      m_regionProgram(
          ShaderProgram::fromAssets("shaders/region.vert.glsl", "shaders/region.frag.glsl")),
      m_strokeProgram(
          ShaderProgram::fromAssets("shaders/stroke.vert.glsl", "shaders/stroke.frag.glsl")),
      m_shadowProgram(
          ShaderProgram::fromAssets("shaders/shadow.vert.glsl", "shaders/shadow.frag.glsl")),
      m_markerProgram(
          ShaderProgram::fromAssets("shaders/marker.vert.glsl", "shaders/marker.frag.glsl")) {
    GLint previousArray = 0;
    GLint previousBuffer = 0;
    GLint previousTexture = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &previousArray);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previousBuffer);
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);

    upload(m_front, m_mesh.front);
    upload(m_back, m_mesh.back);

    m_regionTable = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_regionTable.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    const auto regions = static_cast<GLsizei>(std::max<std::size_t>(1, atlas.regions().size()));
    m_regionTableData.assign(static_cast<std::size_t>(regions) * 2 * 4, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, regions, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 m_regionTableData.data());

    m_emptyArray = makeVertexArray();
    m_markerArray = makeVertexArray();
    m_markerInstances = makeBuffer();
    glBindVertexArray(m_markerArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_markerInstances.get());
    constexpr auto stride = static_cast<GLsizei>(sizeof(MarkerAttributes));
    floatAttribute(0, 4, stride, offsetof(MarkerAttributes, geometry));
    floatAttribute(1, 4, stride, offsetof(MarkerAttributes, fill));
    floatAttribute(2, 4, stride, offsetof(MarkerAttributes, outline));
    floatAttribute(3, 2, stride, offsetof(MarkerAttributes, style));
    for (GLuint location = 0; location < 4; ++location) {
        glVertexAttribDivisor(location, 1);
    }

    glBindVertexArray(static_cast<GLuint>(previousArray));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(previousBuffer));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
}

void BodyMapRenderer::upload(GpuView& gpu, const ViewMesh& mesh) {
    gpu.view = mesh.view;
    gpu.fillArray = makeVertexArray();
    gpu.fillVertices = makeBuffer();
    gpu.fillIndices = makeBuffer();
    glBindVertexArray(gpu.fillArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.fillVertices.get());
    bufferData(GL_ARRAY_BUFFER, mesh.fillVertices, GL_STATIC_DRAW);
    constexpr auto stride = static_cast<GLsizei>(sizeof(FillVertex));
    floatAttribute(0, 2, stride, offsetof(FillVertex, x));
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_INT, stride,
                           reinterpret_cast<const void*>(offsetof(FillVertex, region)));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.fillIndices.get());
    bufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.fillIndices, GL_STATIC_DRAW);
    gpu.fillIndexCount = static_cast<GLsizei>(mesh.fillIndices.size());

    gpu.strokeArray = makeVertexArray();
    gpu.strokeVertices = makeBuffer();
    glBindVertexArray(gpu.strokeArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.strokeVertices.get());
    bufferData(GL_ARRAY_BUFFER, mesh.strokeVertices, GL_STATIC_DRAW);
    setStrokeAttributes();
    gpu.internalStrokes = mesh.internalStrokes;
    gpu.silhouetteStrokes = mesh.silhouetteStrokes;

    gpu.outlineArray = makeVertexArray();
    gpu.outlineVertices = makeBuffer();
    glBindVertexArray(gpu.outlineArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.outlineVertices.get());
    bufferData(GL_ARRAY_BUFFER, mesh.outlineVertices, GL_STATIC_DRAW);
    setStrokeAttributes();
    glBindVertexArray(0);

    const DistanceField field = silhouetteDistanceField(m_atlas.silhouette(mesh.view),
                                                        m_atlas.canvasAspect(), kDistanceFieldRows);
    gpu.distance = makeTexture();
    glBindTexture(GL_TEXTURE_2D, gpu.distance.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R16F, field.width, field.height, 0, GL_RED, GL_FLOAT,
                 field.values.data());
}

const BodyMapRenderer::GpuView& BodyMapRenderer::gpuView(BodyView view) const {
    return view == BodyView::Front ? m_front : m_back;
}

void BodyMapRenderer::updateRegionTable(const BodyMapFrame& frame) {
    const std::size_t regions = m_regionTableData.size() / 8;
    std::fill(m_regionTableData.begin(), m_regionTableData.end(), std::uint8_t{0});
    for (std::size_t i = 0; i < regions && i < frame.regionFill.size(); ++i) {
        const Rgba& fill = frame.regionFill[i];
        std::uint8_t* texel = &m_regionTableData[i * 4];
        texel[0] = toByte(fill.r);
        texel[1] = toByte(fill.g);
        texel[2] = toByte(fill.b);
        texel[3] = toByte(fill.a);
    }
    for (std::size_t i = 0; i < regions && i < frame.regionHatch.size(); ++i) {
        m_regionTableData[(regions + i) * 4] = toByte(frame.regionHatch[i]);
    }
    glActiveTexture(GL_TEXTURE0 + kTableUnit);
    glBindTexture(GL_TEXTURE_2D, m_regionTable.get());
    // RGBA8 rows are whole multiples of 4 bytes: the default unpack alignment fits.
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, static_cast<GLsizei>(regions), 2, GL_RGBA,
                    GL_UNSIGNED_BYTE, m_regionTableData.data());
}

void BodyMapRenderer::setPlacement(const ShaderProgram& program, const ViewPlacement& placement,
                                   const BodyMapFrame& frame) const {
    glUniform2f(program.uniform("u_targetSize"), static_cast<float>(frame.width),
                static_cast<float>(frame.height));
    glUniform2f(program.uniform("u_origin"), static_cast<float>(placement.origin.x),
                static_cast<float>(placement.origin.y));
    glUniform2f(program.uniform("u_scale"), static_cast<float>(placement.scale.x),
                static_cast<float>(placement.scale.y));
}

void BodyMapRenderer::drawShadow(const GpuView& gpu, const ViewPlacement& placement,
                                 const BodyMapFrame& frame) {
    if (frame.style.shadow.a <= 0.0f) {
        return;
    }
    glUseProgram(m_shadowProgram.id());
    setPlacement(m_shadowProgram, placement, frame);
    glActiveTexture(GL_TEXTURE0 + kDistanceUnit);
    glBindTexture(GL_TEXTURE_2D, gpu.distance.get());
    glUniform1i(m_shadowProgram.uniform("u_distance"), kDistanceUnit);
    glUniform2f(m_shadowProgram.uniform("u_offset"), static_cast<float>(frame.style.shadowOffset.x),
                static_cast<float>(frame.style.shadowOffset.y));
    glUniform1f(m_shadowProgram.uniform("u_softness"), frame.style.shadowSoftness);
    setColour(m_shadowProgram.uniform("u_colour"), frame.style.shadow);
    glBindVertexArray(m_emptyArray.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void BodyMapRenderer::drawFills(const GpuView& gpu, const ViewPlacement& placement,
                                const BodyMapFrame& frame) {
    glUseProgram(m_regionProgram.id());
    setPlacement(m_regionProgram, placement, frame);
    glActiveTexture(GL_TEXTURE0 + kDistanceUnit);
    glBindTexture(GL_TEXTURE_2D, gpu.distance.get());
    glUniform1i(m_regionProgram.uniform("u_regionTable"), kTableUnit);
    glUniform1i(m_regionProgram.uniform("u_distance"), kDistanceUnit);
    glUniform1f(m_regionProgram.uniform("u_rimWidth"), frame.style.rimWidth);
    glUniform1f(m_regionProgram.uniform("u_rimDarkening"), frame.style.rimDarkening);
    setColour(m_regionProgram.uniform("u_hatchColour"), frame.style.hatch);
    glUniform1f(m_regionProgram.uniform("u_hatchPeriod"), frame.style.hatchPeriod);
    glBindVertexArray(gpu.fillArray.get());
    glDrawElements(GL_TRIANGLES, gpu.fillIndexCount, GL_UNSIGNED_INT, nullptr);
}

void BodyMapRenderer::drawStrokes(GLuint vertexArray, VertexRange range, float width,
                                  const Rgba& colour) {
    if (range.count <= 0 || colour.a <= 0.0f || width <= 0.0f) {
        return;
    }
    glUniform1f(m_strokeProgram.uniform("u_halfWidth"), width * 0.5f);
    setColour(m_strokeProgram.uniform("u_colour"), colour);
    glBindVertexArray(vertexArray);
    glDrawArrays(GL_TRIANGLES, range.first, range.count);
}

void BodyMapRenderer::drawMarkers(const BodyMapFrame& frame) {
    if (frame.markers.empty()) {
        return;
    }
    std::vector<MarkerAttributes> attributes;
    attributes.reserve(frame.markers.size());
    for (const MarkerInstance& marker : frame.markers) {
        attributes.push_back({{static_cast<float>(marker.centre.x),
                               static_cast<float>(marker.centre.y), marker.radius, marker.ring},
                              toArray(marker.fill),
                              toArray(marker.outline),
                              {marker.outlineWidth, marker.shadow}});
    }
    glUseProgram(m_markerProgram.id());
    glUniform2f(m_markerProgram.uniform("u_targetSize"), static_cast<float>(frame.width),
                static_cast<float>(frame.height));
    glUniform1f(m_markerProgram.uniform("u_ringGap"), frame.style.ringGap);
    glUniform1f(m_markerProgram.uniform("u_ringWidth"), frame.style.ringWidth);
    setColour(m_markerProgram.uniform("u_ringColour"), frame.style.ring);
    setColour(m_markerProgram.uniform("u_haloColour"), frame.style.halo);
    glBindVertexArray(m_markerArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_markerInstances.get());
    bufferData(GL_ARRAY_BUFFER, attributes, GL_STREAM_DRAW);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(attributes.size()));
}

void BodyMapRenderer::draw(const BodyMapFrame& frame) {
    const BodyMapStyle& style = frame.style;
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glClearColor(style.background.r, style.background.g, style.background.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    // Every shader writes premultiplied alpha: correct edges where
    // anti-aliased shapes overlap.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    updateRegionTable(frame);
    for (const ViewPlacement& placement : frame.views) {
        const GpuView& gpu = gpuView(placement.view);
        drawShadow(gpu, placement, frame);
        drawFills(gpu, placement, frame);

        glUseProgram(m_strokeProgram.id());
        setPlacement(m_strokeProgram, placement, frame);
        drawStrokes(gpu.strokeArray.get(), gpu.internalStrokes, style.internalWidth,
                    style.internalStroke);
        drawStrokes(gpu.strokeArray.get(), gpu.silhouetteStrokes, style.silhouetteWidth,
                    style.silhouetteStroke);
        const auto outline = [&](int region, float width, const Rgba& colour) {
            if (region < 0 || static_cast<std::size_t>(region) >= m_mesh.regionOutlines.size() ||
                m_atlas.regions()[static_cast<std::size_t>(region)].view != placement.view) {
                return;
            }
            drawStrokes(gpu.outlineArray.get(),
                        m_mesh.regionOutlines[static_cast<std::size_t>(region)], width, colour);
        };
        for (const int region : frame.outlinedRegions) {
            outline(region, style.highlightWidth, style.highlightStroke);
        }
        if (frame.hoveredRegion) {
            outline(*frame.hoveredRegion, style.hoverWidth, style.hoverStroke);
        }
    }
    drawMarkers(frame);
    glBindVertexArray(0);
}

} // namespace knotmap::render
