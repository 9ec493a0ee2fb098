#include "render/shader_program.h"

#include "core/asset_registry.h"
#include "core/text_trim.h"

#include <cctype>
#include <optional>
#include <stdexcept>
#include <vector>

namespace knotmap::render {
namespace {

// Reads digits at text[pos...]; advances pos past them.
std::optional<int> readNumber(std::string_view text, std::size_t& pos) {
    const std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) != 0) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    return pos > start ? std::optional<int>(value) : std::nullopt;
}

// Finds "<source>:<line>(<column>):", "<source>(<line>) :" or "<source>:<line>:"
// near the start of a log line; returns the line and where the message starts.
std::optional<std::pair<int, std::size_t>> findLocation(std::string_view line) {
    for (std::size_t start = 0; start < line.size() && start < 16; ++start) {
        if (std::isdigit(static_cast<unsigned char>(line[start])) == 0 ||
            (start > 0 && std::isdigit(static_cast<unsigned char>(line[start - 1])) != 0)) {
            continue;
        }
        std::size_t pos = start;
        if (!readNumber(line, pos) || pos >= line.size()) {
            continue;
        }
        std::optional<int> number;
        if (line[pos] == ':') {
            ++pos;
            number = readNumber(line, pos);
            if (number && pos < line.size() && line[pos] == '(') {
                while (pos < line.size() && line[pos] != ')') {
                    ++pos;
                }
                ++pos;
            }
        } else if (line[pos] == '(') {
            ++pos;
            number = readNumber(line, pos);
            if (number && pos < line.size() && line[pos] == ')') {
                ++pos;
            }
        }
        if (!number) {
            continue;
        }
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == ':')) {
            ++pos;
        }
        return std::make_pair(*number, pos);
    }
    return std::nullopt;
}

GlShader compile(GLenum stage, std::string_view assetName) {
    const std::string_view source = knotmap::asset(assetName);
    GlShader shader(glCreateShader(stage));
    const GLchar* text = source.data();
    const auto length = static_cast<GLint>(source.size());
    glShaderSource(shader.get(), 1, &text, &length);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint logLength = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &logLength);
        std::vector<GLchar> log(static_cast<std::size_t>(std::max(logLength, 1)), '\0');
        glGetShaderInfoLog(shader.get(), static_cast<GLsizei>(log.size()), nullptr, log.data());
        throw std::runtime_error("cannot compile the shader " + std::string(assetName) + ":\n" +
                                 describeShaderLog(assetName, log.data()));
    }
    return shader;
}

} // namespace

std::string describeShaderLog(std::string_view file, std::string_view log) {
    std::string out;
    while (!log.empty()) {
        const std::size_t end = log.find('\n');
        std::string_view line = trimmed(log.substr(0, end));
        log.remove_prefix(end == std::string_view::npos ? log.size() : end + 1);
        if (line.empty()) {
            continue;
        }
        std::string severity;
        if (line.starts_with("ERROR:") || line.starts_with("WARNING:")) {
            severity = line.starts_with("ERROR:") ? "error: " : "warning: ";
            line = trimmed(line.substr(line.find(':') + 1));
        }
        out += file;
        if (const auto location = findLocation(line)) {
            out += ":" + std::to_string(location->first) + ": " + severity;
            out += line.substr(location->second);
        } else {
            out += ": " + severity + std::string(line);
        }
        out += "\n";
    }
    if (!out.empty()) {
        out.pop_back();
    }
    return out;
}

ShaderProgram ShaderProgram::fromAssets(std::string_view vertexAsset,
                                        std::string_view fragmentAsset) {
    const GlShader vertex = compile(GL_VERTEX_SHADER, vertexAsset);
    const GlShader fragment = compile(GL_FRAGMENT_SHADER, fragmentAsset);
    ShaderProgram program;
    program.m_program = GlProgram(glCreateProgram());
    glAttachShader(program.id(), vertex.get());
    glAttachShader(program.id(), fragment.get());
    glLinkProgram(program.id());
    glDetachShader(program.id(), vertex.get());
    glDetachShader(program.id(), fragment.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint logLength = 0;
        glGetProgramiv(program.id(), GL_INFO_LOG_LENGTH, &logLength);
        std::vector<GLchar> log(static_cast<std::size_t>(std::max(logLength, 1)), '\0');
        glGetProgramInfoLog(program.id(), static_cast<GLsizei>(log.size()), nullptr, log.data());
        throw std::runtime_error("cannot link the shaders " + std::string(vertexAsset) + " and " +
                                 std::string(fragmentAsset) + ": " + std::string(log.data()));
    }
    return program;
}

GLint ShaderProgram::uniform(const char* name) const {
    return glGetUniformLocation(m_program.get(), name);
}

} // namespace knotmap::render
