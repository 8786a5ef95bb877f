/* stage.c -- calling stages: the few rules of the push interface. */
#include "config.h"

#include "format.h"

int
tc_stage_track(struct tc_stage *st, const struct tc_track *t)
{
    if (st->ops->track != NULL)
        return st->ops->track(st, t);
    return st->next != NULL ? tc_stage_track(st->next, t) : TC_OK;
}

int
tc_stage_push(struct tc_stage *st, struct tc_cue *cue)
{
    return st->ops->push(st, cue);
}

int
tc_stage_finish(struct tc_stage *st)
{
    if (st->ops->finish != NULL)
        return st->ops->finish(st);
    return st->next != NULL ? tc_stage_finish(st->next) : TC_OK;
}

void
tc_stage_destroy(struct tc_stage *st)
{
    if (st != NULL && st->ops->destroy != NULL)
        st->ops->destroy(st);
}
