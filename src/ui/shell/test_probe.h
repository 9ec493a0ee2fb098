#pragma once

#include <string>
#include <string_view>

namespace knotmap::ui {

// A test hook for --test-report: where named widgets were drawn, so an
// end-to-end test can click them like a person would. The window installs a
// probe in its ImGui context only while a test report is asked for; without
// one, probeItem costs a null check. Positions are ImGui screen coordinates,
// which are window pixels from the top-left of the content area (like the
// report's canvas lines).
class TestProbe {
public:
    void record(std::string_view name, float minX, float minY, float maxX, float maxY);
    // "value NAME VALUE": what a widget holds that its rectangle cannot tell.
    void recordValue(std::string_view name, std::string_view value);
    // "clipped NAME": the widget's rectangle is not wholly inside the region
    // its window shows (cut off at a pane's edge, or scrolled away).
    void recordClipped(std::string_view name);
    // "item NAME MINX MINY MAXX MAXY" lines of the widgets recorded since the
    // last call, each ending in a newline; clears them, so the next frame
    // reports only what it draws.
    [[nodiscard]] std::string takeLines();

private:
    std::string m_lines;
};

// Installs probe in the current ImGui context (ImGuiIO::UserData) for the
// scope's lifetime; nullptr installs none.
class TestProbeScope {
public:
    explicit TestProbeScope(TestProbe* probe);
    ~TestProbeScope();
    TestProbeScope(const TestProbeScope&) = delete;
    TestProbeScope& operator=(const TestProbeScope&) = delete;
};

// True when a probe is installed: names worth building only then.
[[nodiscard]] bool testProbeActive();
// Records ImGui's last item (the widget just drawn) under name; a name
// without spaces. An item not wholly visible also gets a "clipped" line.
void probeItem(std::string_view name);
// Records a value under name (no spaces in name), e.g. how many visual lines
// the field being edited wraps into (ui/widgets/wrapped_text_input.cpp).
void probeValue(std::string_view name, std::string_view value);

} // namespace knotmap::ui
