"""The figure's silhouette (right half of the screen), shared by both views.

One smooth chain from the crown down the head, neck, shoulder, outer arm,
round the hand, up the inner arm, down the trunk and outer leg, round the
foot and up the inner leg to the crotch. Points named here are also the
junctions where interior lines of either view meet the outline, so both
views use the same silhouette, except the feet: the front view shows the
toes, the back view only the heel (BACK_HEEL).

Units are heads (geom.py): x from the midline, y down from the crown. The
figure follows the 8-head canon of figure-proportions.md: chin 1, shoulder
line ~1.33, armpits 2, elbows and waist 3, crotch and wrists 4, fingertips
~4.75, knees 6, ankles ~7.75, soles 8; shoulders ~2.2 heads wide, hips ~1.6.
"""

import math

# The hand is drawn in its own frame: u runs down the forearm's axis from the
# wrist crease, v across it towards the thumb (lateral). With palms forward
# the thumb points away from the body.
WRIST_CENTRE = (1.345, 3.955)
_AXIS = (0.21, 0.95)
_n = math.hypot(*_AXIS)
U = (_AXIS[0] / _n, _AXIS[1] / _n)
V = (U[1], -U[0])  # lateral, slightly upwards


def hand(u, v):
    return (
        round(WRIST_CENTRE[0] + u * U[0] + v * V[0], 4),
        round(WRIST_CENTRE[1] + u * U[1] + v * V[1], 4),
    )


# fmt: off
HEAD_AND_ARM = [
    ("crown",   (0.0,   0.0)),
    ("o_h1",    (0.165, 0.032)),
    ("o_cran",  (0.288, 0.150)),   # hairline reaches the side of the skull (front)
    ("o_bcran", (0.336, 0.30)),    # crown cap ends (back)
    ("o_ear_t", (0.347, 0.45)),    # top of the ear
    ("o_ear1",  (0.377, 0.49)),
    ("o_ear2",  (0.388, 0.565)),
    ("o_ear3",  (0.372, 0.645)),
    ("o_ear_b", (0.326, 0.705)),   # ear lobe
    ("o_jaw",   (0.294, 0.80)),    # angle of the jaw / mastoid behind it
    ("o_neck1", (0.250, 0.885)),
    ("o_n1",    (0.238, 0.97)),    # SCM's back edge leaves the neck outline
    ("o_n2",    (0.244, 1.08)),    # neck meets the trapezius slope
    ("o_tr1",   (0.300, 1.160)),
    ("o_tr2",   (0.450, 1.228)),
    ("o_tr3",   (0.650, 1.288)),
    ("o_acr1",  (0.845, 1.336)),
    ("o_acr",   (0.935, 1.372)),   # acromion: clavicle and scapular spine end
    ("o_d1",    (1.045, 1.455)),   # deltoid cap
    ("o_d2",    (1.108, 1.615)),
    ("o_d3",    (1.126, 1.82)),
    ("o_dins",  (1.130, 2.16)),    # deltoid insertion, a slight waist on the arm
    ("o_a1",    (1.188, 2.45)),
    ("o_el_t",  (1.235, 2.80)),
    ("o_el",    (1.272, 2.96)),    # lateral epicondyle
    ("o_el_b",  (1.305, 3.10)),
    ("o_fa1",   (1.384, 3.32)),    # brachioradialis swell
    ("o_fa2",   (1.428, 3.62)),
]

HAND = [  # (name, u, v)
    ("o_wr_t",  -0.09,  0.125),   # wrist, radial side
    ("o_wr_b",   0.05,  0.132),
    ("o_th1",    0.13,  0.180),   # thenar eminence
    ("o_th2",    0.230, 0.240),
    ("o_th3",    0.345, 0.278),
    ("o_tht",    0.438, 0.296),   # thumb tip, pointing away from the body
    ("o_th4",    0.462, 0.255),
    ("o_th5",    0.385, 0.206),
    ("o_web",    0.285, 0.172),   # web of the thumb
    ("o_f1",     0.400, 0.168),   # index finger
    ("o_f2",     0.600, 0.148),
    ("o_f3",     0.718, 0.110),
    ("o_f5",     0.774, 0.025),   # middle fingertip: mitten-shaped fingers
    ("o_f7",     0.755, -0.075),
    ("o_f9",     0.690, -0.142),  # little finger
    ("o_f10",    0.585, -0.168),
    ("o_hy1",    0.400, -0.172),  # hypothenar
    ("o_hy2",    0.210, -0.160),
    ("o_wr_bm",  0.05,  -0.128),
    ("o_wr_tm", -0.09,  -0.125),  # wrist, ulnar side
]

TRUNK_AND_LEG = [
    ("o_fm1",   (1.128, 3.60)),
    ("o_fm2",   (1.030, 3.28)),    # forearm flexor mass
    ("o_el_bm", (1.002, 3.12)),
    ("o_elm",   (0.972, 3.00)),    # medial epicondyle
    ("o_el_tm", (0.940, 2.86)),
    ("o_am1",   (0.852, 2.55)),
    ("o_am2",   (0.800, 2.25)),
    ("o_ap",    (0.762, 1.975)),   # armpit
    ("o_t1",    (0.738, 2.15)),
    ("o_ser",   (0.722, 2.52)),    # lower edge of serratus on the flank
    ("o_t2",    (0.672, 2.78)),
    ("o_waist", (0.618, 3.02)),
    ("o_t3",    (0.640, 3.26)),
    ("o_hip",   (0.702, 3.44)),    # iliac crest reaches the side
    ("o_t4",    (0.760, 3.64)),
    ("o_gt_u",  (0.790, 3.86)),    # greater trochanter region
    ("o_gt_l",  (0.792, 3.98)),
    ("o_itb",   (0.788, 4.10)),
    ("o_l1",    (0.772, 4.40)),
    ("o_l2",    (0.722, 4.90)),
    ("o_l3",    (0.640, 5.40)),
    ("o_kn_t",  (0.568, 5.80)),
    ("o_kn",    (0.548, 6.00)),
    ("o_kn_b",  (0.552, 6.22)),
    ("o_c1",    (0.588, 6.55)),    # lateral calf
    ("o_gs",    (0.576, 6.80)),
    ("o_c2",    (0.535, 7.05)),
    ("o_c3",    (0.478, 7.33)),
    ("o_an_t",  (0.455, 7.54)),
    ("o_mall",  (0.472, 7.70)),    # lateral malleolus
    ("o_an_b",  (0.505, 7.80)),
    ("o_ft1",   (0.572, 7.875)),
    ("o_ft2",   (0.618, 7.950)),   # little toe
    ("o_ft3",   (0.575, 7.998)),
    ("o_ft4",   (0.400, 8.008)),
    ("o_ft5",   (0.225, 8.000)),   # big toe
    ("o_ft6",   (0.188, 7.940)),
    ("o_an_bm", (0.212, 7.81)),
    ("o_mmall", (0.236, 7.68)),    # medial malleolus, higher than the lateral
    ("o_an_tm", (0.252, 7.52)),
    ("o_cm1",   (0.222, 7.22)),
    ("o_gs_m",  (0.160, 6.95)),
    ("o_cm2",   (0.118, 6.60)),    # medial calf
    ("o_kn_bm", (0.120, 6.25)),
    ("o_knm",   (0.106, 6.02)),
    ("o_kn_tm", (0.100, 5.80)),
    ("o_sart",  (0.086, 5.40)),
    ("o_th_m1", (0.060, 4.90)),
    ("o_gf",    (0.024, 4.24)),    # groin crease / gluteal fold, inner thigh
    ("o_cr1",   (0.016, 4.052)),   # keeps the crotch a tight curve
    ("crotch",  (0.0,   4.02)),
]
# fmt: on

# Seen from behind the toes are hidden: the foot is the heel, a rounded pad
# a little wider than the ankle above it, standing on the sole line. The
# back view swaps these in for the toes between the two ankle points; every
# junction the interior lines use stays where it is in both views.
FOOT_FIRST, FOOT_LAST = "o_an_b", "o_an_bm"
BACK_HEEL = [
    ("o_hl1",   (0.522, 7.880)),   # outer side of the heel
    ("o_hl2",   (0.478, 7.968)),
    ("o_hb",    (0.362, 8.004)),   # bottom of the heel pad
    ("o_hm2",   (0.246, 7.968)),
    ("o_hm1",   (0.200, 7.885)),   # inner side of the heel
]

CORNERS = ("o_ear_t", "o_ear_b", "o_jaw", "o_web", "o_ap")


def outline_points(view="front"):
    pts = list(HEAD_AND_ARM)
    pts += [(name, hand(u, v)) for name, u, v in HAND]
    pts += TRUNK_AND_LEG
    if view == "back":
        names = [n for n, _ in pts]
        i, j = names.index(FOOT_FIRST), names.index(FOOT_LAST)
        pts = pts[: i + 1] + BACK_HEEL + pts[j:]
    return pts


def add_outline(pm, view="front"):
    pts = outline_points(view)
    for name, h in pts:
        pm.point(name, h)
    # horizontal tangents at the crown and the crotch make the mirrored
    # halves join without a kink
    pm.chain([n for n, _ in pts], start="h", end="h", corners=CORNERS)
