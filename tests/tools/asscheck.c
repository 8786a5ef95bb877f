/* asscheck.c -- what libass makes of an ASS script: one line per event,
 *
 *     START END PLACE
 *
 * in seconds with three decimals, PLACE being where libass draws the event
 * alone at the middle of its time on a 1280x720 frame: top, middle or
 * bottom (the third of the frame that holds the centre of what it draws),
 * or none when it draws nothing.  tests/ass-clients.sh compares this with
 * the cues transcue wrote.  Built by that script, not by make: it needs
 * libass (Debian: libass-dev) and a font, and is skipped without them.
 *
 *     asscheck FILE.ass
 */
#include <stdio.h>
#include <stdlib.h>

#include <ass/ass.h>

#define W 1280
#define H 720

static const char *
place_of(ASS_Image *img)
{
    int top = H, bottom = -1;

    for (; img != NULL; img = img->next) {
        if (img->w <= 0 || img->h <= 0)
            continue;
        if (img->dst_y < top)
            top = img->dst_y;
        if (img->dst_y + img->h > bottom)
            bottom = img->dst_y + img->h;
    }
    if (bottom < 0)
        return "none";
    if ((top + bottom) / 2 < H / 3)
        return "top";
    if ((top + bottom) / 2 < 2 * H / 3)
        return "middle";
    return "bottom";
}

int
main(int argc, char **argv)
{
    ASS_Library *lib;
    ASS_Renderer *rend;
    ASS_Track *track;
    long long *dur;
    int i, j;

    if (argc != 2) {
        fprintf(stderr, "usage: asscheck FILE.ass\n");
        return 2;
    }
    lib = ass_library_init();
    rend = lib != NULL ? ass_renderer_init(lib) : NULL;
    if (rend == NULL) {
        fprintf(stderr, "asscheck: libass does not start\n");
        return 2;
    }
    ass_set_frame_size(rend, W, H);
    ass_set_storage_size(rend, W, H);
    ass_set_fonts(rend, NULL, "sans-serif", ASS_FONTPROVIDER_AUTODETECT,
                  NULL, 1);
    track = ass_read_file(lib, argv[1], NULL);
    if (track == NULL) {
        fprintf(stderr, "asscheck: libass cannot read %s\n", argv[1]);
        return 1;
    }
    dur = calloc((size_t)track->n_events + 1, sizeof *dur);
    if (dur == NULL)
        return 2;
    for (i = 0; i < track->n_events; i++)
        dur[i] = track->events[i].Duration;
    for (i = 0; i < track->n_events; i++) {
        ASS_Event *e = &track->events[i];
        long long mid = e->Start + dur[i] / 2;
        int change;

        /* the event alone: the others last no time while it is drawn */
        for (j = 0; j < track->n_events; j++)
            track->events[j].Duration = j == i ? dur[j] : 0;
        printf("%lld.%03lld %lld.%03lld %s\n", e->Start / 1000,
               e->Start % 1000, (e->Start + dur[i]) / 1000,
               (e->Start + dur[i]) % 1000,
               place_of(ass_render_frame(rend, track, mid, &change)));
    }
    free(dur);
    ass_free_track(track);
    ass_renderer_done(rend);
    ass_library_done(lib);
    return 0;
}
