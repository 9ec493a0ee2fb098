#include "ui/style/theme.h"

namespace knotmap::ui {
namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

ImVec4 withAlpha(ImVec4 colour, float alpha) {
    colour.w = alpha;
    return colour;
}

// Warm greys and a muted teal: calm enough to look at while in pain.
Palette makeLightPalette() {
    Palette p;
    p.text = rgb(0x22262B);
    p.textMuted = rgb(0x6B7178);
    p.accent = rgb(0x2C7A74);
    p.onAccent = rgb(0xFFFFFF);
    p.paneBackground = rgb(0xF0EFEB);
    p.border = rgb(0xDEDCD6);
    p.selection = {rgb(0xD9EAE7), rgb(0x1D5652)};
    p.notice = {rgb(0xE7F0F7), rgb(0x24506E)};
    p.error = {rgb(0xFBE7E4), rgb(0xA3362B)};
    p.painMild = {rgb(0xDDF0E3), rgb(0x24704A)};
    p.painModerate = {rgb(0xFBEBC9), rgb(0x855600)};
    p.painSevere = {rgb(0xF9DCD7), rgb(0xA8352A)};
    return p;
}

Palette makeDarkPalette() {
    Palette p;
    p.text = rgb(0xE4E4E0);
    p.textMuted = rgb(0x9A9FA6);
    p.accent = rgb(0x5DB3AA);
    p.onAccent = rgb(0x10201F);
    p.paneBackground = rgb(0x202328);
    p.border = rgb(0x34383F);
    p.selection = {rgb(0x24403E), rgb(0xC9ECE7)};
    p.notice = {rgb(0x1F3445), rgb(0xBFDDF2)};
    p.error = {rgb(0x4A2522), rgb(0xF4B9B1)};
    p.painMild = {rgb(0x1F3B2C), rgb(0x8FD8AC)};
    p.painModerate = {rgb(0x45361A), rgb(0xF0C878)};
    p.painSevere = {rgb(0x4A2522), rgb(0xF4A79C)};
    return p;
}

const Palette kLightPalette = makeLightPalette();
const Palette kDarkPalette = makeDarkPalette();

struct BaseColours {
    ImVec4 window;
    ImVec4 raised; // popups, menus, frames
    ImVec4 frame;
    ImVec4 tableHeader;
    ImVec4 rowAlternate;
    ImVec4 scrollbarGrab;
};

void applyColours(ImGuiStyle& style, const Palette& p, const BaseColours& base) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = base.window;
    c[ImGuiCol_ChildBg] = withAlpha(base.window, 0.0f);
    c[ImGuiCol_PopupBg] = base.raised;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = base.frame;
    c[ImGuiCol_FrameBgHovered] = withAlpha(p.accent, 0.12f);
    c[ImGuiCol_FrameBgActive] = withAlpha(p.accent, 0.20f);
    c[ImGuiCol_TitleBg] = base.raised;
    c[ImGuiCol_TitleBgActive] = base.raised;
    c[ImGuiCol_TitleBgCollapsed] = base.raised;
    c[ImGuiCol_MenuBarBg] = p.paneBackground;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = base.scrollbarGrab;
    c[ImGuiCol_ScrollbarGrabHovered] = withAlpha(p.textMuted, 0.6f);
    c[ImGuiCol_ScrollbarGrabActive] = withAlpha(p.textMuted, 0.8f);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = base.frame;
    c[ImGuiCol_ButtonHovered] = withAlpha(p.accent, 0.16f);
    c[ImGuiCol_ButtonActive] = withAlpha(p.accent, 0.26f);
    c[ImGuiCol_Header] = p.selection.background;
    c[ImGuiCol_HeaderHovered] = withAlpha(p.accent, 0.10f);
    c[ImGuiCol_HeaderActive] = withAlpha(p.accent, 0.22f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = withAlpha(p.accent, 0.4f);
    c[ImGuiCol_ResizeGripActive] = withAlpha(p.accent, 0.7f);
    c[ImGuiCol_Tab] = base.frame;
    c[ImGuiCol_TabHovered] = withAlpha(p.accent, 0.2f);
    c[ImGuiCol_TabActive] = p.selection.background;
    c[ImGuiCol_TabUnfocused] = base.frame;
    c[ImGuiCol_TabUnfocusedActive] = p.selection.background;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = p.accent;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotHistogramHovered] = p.accent;
    c[ImGuiCol_TableHeaderBg] = base.tableHeader;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = base.rowAlternate;
    c[ImGuiCol_TextSelectedBg] = withAlpha(p.accent, 0.3f);
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.08f, 0.09f, 0.1f, 0.45f);
}

} // namespace

const Palette& palette(ThemeKind kind) {
    return kind == ThemeKind::Dark ? kDarkPalette : kLightPalette;
}

const ColourPair& painColours(const Palette& palette, int pain) {
    if (pain >= 7) {
        return palette.painSevere;
    }
    if (pain >= 4) {
        return palette.painModerate;
    }
    return palette.painMild;
}

void applyTheme(ThemeKind kind, float uiScale) {
    // Start from a fresh style each time so repeated scaling never compounds.
    ImGuiStyle style;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(10, 6);
    style.CellPadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.IndentSpacing = 18;
    style.ScrollbarSize = 12;
    style.GrabMinSize = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    style.WindowRounding = 8;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.WindowTitleAlign = ImVec2(0.5f, 0.5f);
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);

    const Palette& p = palette(kind);
    if (kind == ThemeKind::Dark) {
        applyColours(style, p,
                     {rgb(0x17191D), rgb(0x24272D), rgb(0x2A2E34), rgb(0x23262B),
                      rgb(0xFFFFFF, 0.025f), rgb(0xFFFFFF, 0.16f)});
    } else {
        applyColours(style, p,
                     {rgb(0xFAFAF8), rgb(0xFFFFFF), rgb(0xEDECE8), rgb(0xF1F0EC),
                      rgb(0x000000, 0.022f), rgb(0x000000, 0.16f)});
    }
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

} // namespace knotmap::ui
