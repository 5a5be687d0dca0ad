pub struct P;
