mod common;
use common::*;

#[test]
fn base_plan_is_clean() {
    let plan = Plan::new("base_plan_is_clean");
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}
